package io.incidentflow.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The communication log of each incident: every notification sent, when, to whom, with which subject. */
@Repository
public class CommunicationLog {

  /** One notification sent. */
  public record Entry(String incidentNumber, Instant sentAt, IncidentEvent event, List<String> recipients,
      String subject, String messageId) {
  }

  private final JdbcTemplate jdbc;

  public CommunicationLog(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void record(Entry entry) {
    jdbc.update("INSERT INTO incident_communication (incident_number, sent_at, event, recipients, subject, message_id)"
            + " VALUES (?, ?, ?, ?, ?, ?)", entry.incidentNumber(), Timestamp.from(entry.sentAt()),
        entry.event().name(), String.join(", ", entry.recipients()), entry.subject(), entry.messageId());
  }

  /** The notifications of one incident, oldest first. */
  public List<Entry> of(String incidentNumber) {
    return jdbc.query("SELECT incident_number, sent_at, event, recipients, subject, message_id"
            + " FROM incident_communication WHERE incident_number = ? ORDER BY sent_at, id",
        (rs, row) -> new Entry(rs.getString(1), rs.getTimestamp(2).toInstant(), IncidentEvent.valueOf(rs.getString(3)),
            List.of(rs.getString(4).split(", ")), rs.getString(5), rs.getString(6)),
        incidentNumber);
  }
}
