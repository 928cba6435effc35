package io.incidentflow.comment;

import io.incidentflow.incident.CodeList;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

  /** Who may read it: the staff only (a work note, what monitoring reports), or the caller too. */
  public enum Visibility implements CodeList {
    /** A work note: internal to the staff, never mailed. */
    INTERNAL,
    /** The caller's words, or an agent's message that is mailed to the caller. */
    CALLER
  }

  /** One comment: when, on whose behalf, written by whom (a user or client), the text and who may read it. */
  public record Comment(String incidentNumber, Instant at, String author, String writtenBy, String text,
      Visibility visibility) {

    /** A work note or monitoring's report: for the staff only. */
    public boolean internal() {
      return visibility == Visibility.INTERNAL;
    }
  }

  private final JdbcTemplate jdbc;

  public IncidentComments(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void add(Comment comment) {
    jdbc.update("INSERT INTO incident_comment (incident_number, created_at, author, written_by, comment_text,"
            + " visibility) VALUES (?, ?, ?, ?, ?, ?)", comment.incidentNumber(), Timestamp.from(comment.at()),
        comment.author(), comment.writtenBy(), comment.text(), comment.visibility().value());
  }

  public List<Comment> of(String incidentNumber) {
    return jdbc.query("SELECT incident_number, created_at, author, written_by, comment_text, visibility"
            + " FROM incident_comment WHERE incident_number = ? ORDER BY created_at, id",
        (rs, row) -> new Comment(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5), Visibility.valueOf(rs.getString(6).toUpperCase(Locale.ROOT))), incidentNumber);
  }
}
