package io.incidentflow.summary;

import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rows of the read model written before it had the dashboard's figures (Flyway {@code V8}; and before
 * that the caller, {@code V7}) are written anew at start from the engine's history, in batches, so that
 * the dashboard counts and a search finds the incidents of an upgraded installation too. Nothing to do on
 * a new installation. An incident whose history was cleaned up keeps its row as it is.
 */
@Component
public class ReadModelBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelBackfill.class);
  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final IncidentSummaries summaries;

  public ReadModelBackfill(DataSource dataSource, HistoryService history, IncidentSummaries summaries) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.history = history;
    this.summaries = summaries;
  }

  @Override
  public void run(ApplicationArguments args) {
    int filled = 0;
    String after = "";
    while (true) {
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT incident_number, process_instance_id"
          + " FROM incident_summary WHERE figures_version < ? AND incident_number > ? ORDER BY incident_number"
          + " LIMIT " + BATCH, IncidentSummaries.FIGURES_VERSION, after);
      if (rows.isEmpty()) {
        break;
      }
      for (Map<String, Object> row : rows) {
        String number = (String) row.get("incident_number");
        after = number;
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
            .processInstanceId((String) row.get("process_instance_id")).disableCustomObjectDeserialization().list()) {
          variables.put(variable.getName(), variable.getValue());
        }
        if (number.equals(variables.get(IncidentVariables.INCIDENT_NUMBER))) {
          summaries.record(IncidentData.of(variables), (String) row.get("process_instance_id"));
          filled++;
        } else {
          // History no longer knows it: the row stays as it is, and the next start does not ask again.
          jdbc.update("UPDATE incident_summary SET figures_version = ? WHERE incident_number = ?",
              IncidentSummaries.FIGURES_VERSION, number);
        }
      }
    }
    if (filled > 0) {
      LOG.info("Wrote {} incidents' rows of the read model anew from the engine's history (dashboard figures,"
          + " caller), so that the dashboard counts them and a search finds them", filled);
    }
  }
}
