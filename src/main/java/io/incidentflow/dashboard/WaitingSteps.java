package io.incidentflow.dashboard;

import io.incidentflow.incident.IncidentProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * For the Cockpit diagram overlay: at each user task of the incident process, how many incidents wait there
 * now and for how long on average. Read from the engine's runtime task table, {@code ACT_RU_TASK}, which
 * holds only open tasks (its size follows the backlog, not the history): the task query API would load
 * every task as an entity to tell their ages, and has no aggregate.
 */
@Repository
public class WaitingSteps {

  private final JdbcTemplate jdbc;

  public WaitingSteps(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Incidents waiting at one user task, and their mean wait so far. */
  public record Step(String activityId, long waiting, long meanWaitSeconds) {
  }

  /** The steps where incidents wait at {@code now}, by activity id. */
  public List<Step> at(Instant now) {
    Map<String, long[]> steps = new TreeMap<>();
    jdbc.query("SELECT t.TASK_DEF_KEY_, t.CREATE_TIME_ FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d"
        + " ON t.PROC_DEF_ID_ = d.ID_ WHERE d.KEY_ = ?", rs -> {
          long[] step = steps.computeIfAbsent(rs.getString(1), k -> new long[2]);
          step[0]++;
          step[1] += Math.max(0, Duration.between(rs.getTimestamp(2).toInstant(), now).toSeconds());
        }, IncidentProcess.KEY);
    return steps.entrySet().stream().map(e -> new Step(e.getKey(), e.getValue()[0],
        e.getValue()[1] / e.getValue()[0])).toList();
  }
}
