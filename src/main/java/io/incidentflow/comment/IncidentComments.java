package io.incidentflow.comment;

import io.incidentflow.incident.CodeList;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The comments on each incident, table {@code incident_comment}, oldest first. */
@Repository
public class IncidentComments {

  /** The longest comment, the same as an incident's description. */
  public static final int TEXT_MAX = 4000;

  /** On whose behalf a client writes a comment. */
  public enum Author implements CodeList {
    /** The caller, through a portal or an agent who took the call: may resume an incident awaiting them. */
    CALLER,
    AGENT
  }

  /** The author of what monitoring reports about an incident, e.g. that its alert has cleared. */
  public static final String MONITORING = "monitoring";

  /** One comment: when, on whose behalf, written by whom (a user or client), and the text. */
  public record Comment(String incidentNumber, Instant at, String author, String writtenBy, String text) {
  }

  private final JdbcTemplate jdbc;

  public IncidentComments(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void add(Comment comment) {
    jdbc.update("INSERT INTO incident_comment (incident_number, created_at, author, written_by, comment_text)"
            + " VALUES (?, ?, ?, ?, ?)", comment.incidentNumber(), Timestamp.from(comment.at()), comment.author(),
        comment.writtenBy(), comment.text());
  }

  public List<Comment> of(String incidentNumber) {
    return jdbc.query("SELECT incident_number, created_at, author, written_by, comment_text FROM incident_comment"
            + " WHERE incident_number = ? ORDER BY created_at, id",
        (rs, row) -> new Comment(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5)), incidentNumber);
  }
}
