package io.incidentflow.mailin;

import io.incidentflow.incident.EngineClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The mails Mail in has taken (table {@code mail_in_message}, one row per Message-ID, written in the transaction of
 * what the mail made) and the attempts at those that failed ({@code mail_in_attempt}).
 */
@Repository
class MailInMessages {

  /** What became of a mail. */
  enum Outcome {
    INCIDENT, COMMENT, IGNORED, REJECTED;

    String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A mail taken: what it made, on which incident. */
  record Taken(String messageId, Outcome outcome, String incidentNumber, String reason) {
  }

  private static final int SUBJECT_MAX = 200;
  private static final int REASON_MAX = 500;

  private final JdbcTemplate jdbc;

  MailInMessages(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Records mail {@code mail} as taken; a {@link org.springframework.dao.DuplicateKeyException} when it was. */
  void record(IncomingMail mail, Outcome outcome, String incidentNumber, String reason) {
    jdbc.update("INSERT INTO mail_in_message (message_id, sender, subject, outcome, incident_number, reason, taken_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", mail.messageId(), cut(mail.sender(), 254), cut(mail.subject(), SUBJECT_MAX),
        outcome.value(), incidentNumber, cut(reason, REASON_MAX), Timestamp.from(EngineClock.now()));
  }

  Optional<Taken> find(String messageId) {
    return jdbc.query("SELECT message_id, outcome, incident_number, reason FROM mail_in_message WHERE message_id = ?",
        (rs, row) -> new Taken(rs.getString(1), Outcome.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
            rs.getString(3), rs.getString(4)), messageId).stream().findFirst();
  }

  /**
   * Forgets that mail {@code messageId} was rejected, and its failed attempts: an operator moved it back to the
   * inbox to have it taken after all.
   */
  void forgetRejection(String messageId) {
    jdbc.update("DELETE FROM mail_in_message WHERE message_id = ? AND outcome = ?", messageId, Outcome.REJECTED.value());
    jdbc.update("DELETE FROM mail_in_attempt WHERE message_id = ?", messageId);
  }

  /** How many incidents {@code sender} reported by mail within the last {@code window}. */
  int incidentsSince(String sender, Duration window) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM mail_in_message WHERE sender = ? AND outcome = ?"
        + " AND taken_at > ?", Integer.class, sender, Outcome.INCIDENT.value(),
        Timestamp.from(EngineClock.now().minus(window)));
    return count == null ? 0 : count;
  }

  /** Counts a failed attempt at mail {@code messageId}; returns how many there have been. */
  int failed(String messageId, String error) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("UPDATE mail_in_attempt SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?"
        + " WHERE message_id = ?", cut(error, REASON_MAX), now, messageId);
    if (updated == 0) {
      jdbc.update("INSERT INTO mail_in_attempt (message_id, attempts, last_error, last_attempt_at) VALUES (?, 1, ?, ?)",
          messageId, cut(error, REASON_MAX), now);
    }
    List<Integer> attempts = jdbc.queryForList("SELECT attempts FROM mail_in_attempt WHERE message_id = ?",
        Integer.class, messageId);
    return attempts.isEmpty() ? 1 : attempts.get(0);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
