package io.incidentflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The notifications of each incident, table {@code incident_notification}: every one recorded once, when
 * it was decided, with its recipients, subject, Message-ID and the message itself until it is sent; then
 * marked sent. The communication log of an incident is its sent notifications.
 */
@Repository
public class CommunicationLog {

  /** One notification sent, by mail or to a chat channel. */
  public record Entry(String incidentNumber, Instant sentAt, IncidentEvent event, List<String> recipients,
      String subject, String messageId, Channel channel) {
  }

  /** Where a notification goes: a mail, or a post to a chat channel's webhook. */
  public enum Channel {
    MAIL, SLACK, TEAMS;

    /** The value in the table's {@code channel} column. */
    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Channel of(String value) {
      return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Where a notification stands. */
  public enum Status {
    /** Recorded; its delivery job sends it. */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** The last attempt failed ({@code lastError}); the job retries it, or Cockpit once the retries are used up. */
    FAILED
  }

  /** A notification as recorded: what is sent, and how it went. */
  public record Notification(String id, String incidentNumber, String processInstanceId, IncidentEvent event,
      List<String> recipients, String subject, String messageId, String message, Status status, int attempts,
      String lastError, Instant createdAt, Instant sentAt, Channel channel) {
  }

  private static final String COLUMNS = "id, incident_number, process_instance_id, event, recipients, subject,"
      + " message_id, message, status, attempts, last_error, created_at, sent_at, channel";
  private static final int ERROR_MAX = 1000;

  private final JdbcTemplate jdbc;

  public CommunicationLog(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Records a decided notification, waiting to be sent, in the current transaction. */
  void record(Notification notification) {
    jdbc.update("INSERT INTO incident_notification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        notification.id(), notification.incidentNumber(), notification.processInstanceId(),
        notification.event().name(), String.join(", ", notification.recipients()), notification.subject(),
        notification.messageId(), notification.message(), notification.status().name(), notification.attempts(),
        notification.lastError(), Timestamp.from(notification.createdAt()), null, notification.channel().value());
  }

  /** The notification recorded as {@code id}, with its message while it waits to be sent. */
  public Optional<Notification> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM incident_notification WHERE id = ?", CommunicationLog::notification,
        id).stream().findFirst();
  }

  /** Every notification of one incident, sent or not, in the order they were decided; without the messages. */
  public List<Notification> all(String incidentNumber) {
    return jdbc.query("SELECT " + COLUMNS.replace("message,", "NULL AS message,") + " FROM incident_notification"
        + " WHERE incident_number = ? ORDER BY created_at, id", CommunicationLog::notification, incidentNumber);
  }

  private static Notification notification(ResultSet rs, int row) throws SQLException {
    return new Notification(rs.getString(1), rs.getString(2), rs.getString(3), IncidentEvent.valueOf(rs.getString(4)),
        List.of(rs.getString(5).split(", ")), rs.getString(6), rs.getString(7), rs.getString(8),
        Status.valueOf(rs.getString(9)), rs.getInt(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), Channel.of(rs.getString(14)));
  }

  /** The mail server took it: sent, and the message (which may hold a link's token) is no longer kept. */
  void sent(String id, Instant at) {
    jdbc.update("UPDATE incident_notification SET status = 'SENT', sent_at = ?, attempts = attempts + 1,"
        + " last_error = NULL, message = NULL WHERE id = ?", Timestamp.from(at), id);
  }

  /** An attempt failed with {@code error}. */
  void failed(String id, String error) {
    String text = error == null ? "unknown" : error;
    jdbc.update("UPDATE incident_notification SET status = 'FAILED', attempts = attempts + 1, last_error = ?"
        + " WHERE id = ? AND status <> 'SENT'", text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) : text, id);
  }

  /** The notifications sent for one incident, oldest first. */
  public List<Entry> of(String incidentNumber) {
    return jdbc.query("SELECT incident_number, sent_at, event, recipients, subject, message_id, channel"
            + " FROM incident_notification WHERE incident_number = ? AND status = 'SENT' ORDER BY sent_at, created_at, id",
        (rs, row) -> new Entry(rs.getString(1), rs.getTimestamp(2).toInstant(), IncidentEvent.valueOf(rs.getString(3)),
            List.of(rs.getString(4).split(", ")), rs.getString(5), rs.getString(6), Channel.of(rs.getString(7))),
        incidentNumber);
  }
}
