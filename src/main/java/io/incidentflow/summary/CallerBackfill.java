package io.incidentflow.summary;

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
 * Incidents listed before the list could be searched by caller (Flyway {@code V7}) get their caller's name
 * and e-mail from the engine's history at start, in batches, so that a search finds them too. Nothing to do
 * on a new installation; an incident whose history was cleaned up gets an empty address.
 */
@Component
public class CallerBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CallerBackfill.class);
  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final HistoryService history;

  public CallerBackfill(DataSource dataSource, HistoryService history) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.history = history;
  }

  @Override
  public void run(ApplicationArguments args) {
    int filled = 0;
    String after = "";
    while (true) {
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT incident_number, process_instance_id"
          + " FROM incident_summary WHERE caller_email IS NULL AND incident_number > ? ORDER BY incident_number"
          + " LIMIT " + BATCH, after);
      if (rows.isEmpty()) {
        break;
      }
      for (Map<String, Object> row : rows) {
        String number = (String) row.get("incident_number");
        after = number;
        Map<String, Object> caller = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
            .processInstanceId((String) row.get("process_instance_id"))
            .variableNameIn(IncidentVariables.CALLER_NAME, IncidentVariables.CALLER_EMAIL).list()) {
          caller.put(variable.getName(), variable.getValue());
        }
        // An empty address marks a caller that history no longer knows: the next start does not ask again.
        Object email = caller.get(IncidentVariables.CALLER_EMAIL);
        filled += jdbc.update("UPDATE incident_summary SET caller_name = ?, caller_email = ? WHERE incident_number = ?",
            caller.get(IncidentVariables.CALLER_NAME), email instanceof String known ? known : "", number);
      }
    }
    if (filled > 0) {
      LOG.info("Gave {} listed incidents their caller's name and e-mail, so that a search finds them", filled);
    }
  }
}
