package io.incidentflow.dashboard;

import static io.incidentflow.dashboard.DashboardFigures.filters;
import static io.incidentflow.dashboard.DashboardFigures.inPeriod;
import static io.incidentflow.dashboard.DashboardFigures.parameters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's problem figures for incidents reported in the period: how many are linked to a problem, and
 * the recurring services (a service and category with more than one incident), the most incidents first, with
 * how many of theirs are linked and whether an open problem covers them. Read from the tables
 * {@code incident_summary}, {@code problem_incident} and {@code problem_record}, not from the problem classes.
 */
@Component
public class ProblemFigures {

  private static final int TOP = 10;

  private final NamedParameterJdbcTemplate jdbc;

  public ProblemFigures(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /** A service and category that recurred: its incidents, those linked to a problem, whether one is open. */
  public record Recurring(String service, String category, long incidents, long linked, boolean openProblem) {
  }

  /** Incidents reported in the period, those linked to a problem, and the recurring services. */
  public record Problems(long reported, long linked, List<Recurring> recurring) {
  }

  /** The problem figures of {@code query}. */
  public Problems of(DashboardQuery query) {
    MapSqlParameterSource parameters = parameters(query);
    List<Recurring> all = new ArrayList<>();
    jdbc.query("SELECT affected_service, category, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM problem_incident l"
        + " WHERE l.incident_number = incident_summary.incident_number) THEN 1 ELSE 0 END),"
        + " MAX(CASE WHEN EXISTS (SELECT 1 FROM problem_record p WHERE p.affected_service ="
        + " incident_summary.affected_service AND p.category = incident_summary.category AND p.status IN"
        + " ('PROPOSED', 'OPEN', 'KNOWN_ERROR')) THEN 1 ELSE 0 END)"
        + " FROM incident_summary WHERE " + inPeriod("reported_at") + filters(query, parameters)
        + " GROUP BY affected_service, category", parameters, rs -> {
          all.add(new Recurring(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5) == 1));
        });
    return new Problems(all.stream().mapToLong(Recurring::incidents).sum(), all.stream().mapToLong(Recurring::linked).sum(),
        all.stream().filter(r -> r.incidents() > 1)
            .sorted(Comparator.comparingLong(Recurring::incidents).reversed()
                .thenComparing(Recurring::service, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Recurring::category, Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(TOP).toList());
  }
}
