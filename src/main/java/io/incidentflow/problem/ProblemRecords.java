package io.incidentflow.problem;

import io.incidentflow.incident.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code problem_record} (one row per problem, kept in step with its status) and
 * {@code problem_incident} (which incidents a problem covers), written in the transaction of the step that
 * changes them.
 */
@Repository
public class ProblemRecords {

  private static final String COLUMNS = "problem_number, short_description, affected_service, category, status,"
      + " source, raised_by, raised_at, closed_at";

  private final JdbcTemplate jdbc;

  public ProblemRecords(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** A problem as the list shows it; {@code closedAt} null while open. */
  public record ProblemRow(String problemNumber, String shortDescription, String affectedService, String category,
      String status, String source, String raisedBy, Instant raisedAt, Instant closedAt) {
  }

  void insert(ProblemRow row) {
    jdbc.update("INSERT INTO problem_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.problemNumber(),
        row.shortDescription(), row.affectedService(), row.category(), row.status(), row.source(), row.raisedBy(),
        Timestamp.from(row.raisedAt()), null);
  }

  void status(String problemNumber, ProblemStatus status) {
    Timestamp closed = status.isOpen() ? null : Timestamp.from(EngineClock.now());
    jdbc.update("UPDATE problem_record SET status = ?, closed_at = ? WHERE problem_number = ?", status.name(), closed,
        problemNumber);
  }

  /** The problem {@code problemNumber}, if there is one. */
  public Optional<ProblemRow> find(String problemNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM problem_record WHERE problem_number = ?", ProblemRecords::row,
        problemNumber).stream().findFirst();
  }

  /** Problems, newest first, optionally only those of {@code status}; a page of {@code size} from {@code page}. */
  public List<ProblemRow> list(String status, int page, int size) {
    List<Object> arguments = new ArrayList<>();
    String where = "";
    if (status != null) {
      where = " WHERE status = ?";
      arguments.add(status);
    }
    arguments.add(size);
    arguments.add((long) page * size);
    return jdbc.query("SELECT " + COLUMNS + " FROM problem_record" + where
        + " ORDER BY raised_at DESC, problem_number DESC LIMIT ? OFFSET ?", ProblemRecords::row, arguments.toArray());
  }

  /** How many problems {@link #list} pages through. */
  public long count(String status) {
    return status == null ? jdbc.queryForObject("SELECT COUNT(*) FROM problem_record", Long.class)
        : jdbc.queryForObject("SELECT COUNT(*) FROM problem_record WHERE status = ?", Long.class, status);
  }

  /** Whether an open (or proposed) problem covers {@code service} and {@code category}. */
  public boolean openProblemFor(String service, String category) {
    Long open = jdbc.queryForObject("SELECT COUNT(*) FROM problem_record WHERE affected_service = ? AND category = ?"
        + " AND status IN (?, ?, ?)", Long.class, service, category, ProblemStatus.PROPOSED.name(),
        ProblemStatus.OPEN.name(), ProblemStatus.KNOWN_ERROR.name());
    return open != null && open > 0;
  }

  void link(String problemNumber, String incidentNumber) {
    jdbc.update("DELETE FROM problem_incident WHERE problem_number = ? AND incident_number = ?", problemNumber,
        incidentNumber);
    jdbc.update("INSERT INTO problem_incident (problem_number, incident_number, linked_at) VALUES (?, ?, ?)",
        problemNumber, incidentNumber, Timestamp.from(EngineClock.now()));
  }

  void unlink(String problemNumber, String incidentNumber) {
    jdbc.update("DELETE FROM problem_incident WHERE problem_number = ? AND incident_number = ?", problemNumber,
        incidentNumber);
  }

  /** The incidents linked to {@code problemNumber}, in the order they were linked. */
  public List<String> incidents(String problemNumber) {
    return jdbc.queryForList("SELECT incident_number FROM problem_incident WHERE problem_number = ?"
        + " ORDER BY linked_at, incident_number", String.class, problemNumber);
  }

  private static ProblemRow row(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new ProblemRow(rs.getString("problem_number"), rs.getString("short_description"),
        rs.getString("affected_service"), rs.getString("category"), rs.getString("status"), rs.getString("source"),
        rs.getString("raised_by"), rs.getTimestamp("raised_at").toInstant(), closed == null ? null : closed.toInstant());
  }
}
