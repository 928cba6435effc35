package io.incidentflow.dashboard;

import static io.incidentflow.dashboard.IncidentFlowMetric.*;

import io.micrometer.core.instrument.Tags;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How many incidents were ever reported, resolved, closed, and breached their response or resolution SLA, by
 * assignment group and priority: totals that only grow, counted in the read model ({@code incident_summary})
 * in one pass, so they are the same on every node and survive a restart.
 */
@Repository
public class ThroughputCounts {

  private final JdbcTemplate jdbc;

  public ThroughputCounts(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void readInto(Readings readings) {
    jdbc.query("SELECT assignment_group, priority, COUNT(*) AS reported,"
        + " SUM(CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN 1 ELSE 0 END) AS resolved,"
        + " SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) AS closed,"
        + " SUM(CASE WHEN response_breached THEN 1 ELSE 0 END) AS response_breached,"
        + " SUM(CASE WHEN resolution_breached THEN 1 ELSE 0 END) AS resolution_breached"
        + " FROM incident_summary GROUP BY assignment_group, priority", row -> {
          Tags tags = Readings.groupAndPriority(row.getString("assignment_group"), row.getObject("priority"));
          readings.put(REPORTED, tags, row.getLong("reported"));
          readings.put(RESOLVED, tags, row.getLong("resolved"));
          readings.put(CLOSED, tags, row.getLong("closed"));
          readings.put(SLA_BREACHES, tags.and("sla", "response"), row.getLong("response_breached"));
          readings.put(SLA_BREACHES, tags.and("sla", "resolution"), row.getLong("resolution_breached"));
        });
  }
}
