package io.incidentflow.mailin;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.summary.AttachmentSource;
import io.incidentflow.summary.IncidentDetail;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files kept with incidents (table {@code incident_attachment}): the attachments of the mails that reported an
 * incident or replied to it. Listed in the incident's record; served by {@code GET
 * /api/incidents/{incidentNumber}/attachments/{id}} with the incident's read rule.
 */
@Repository
public class IncidentAttachments implements AttachmentSource {

  /** One file with its content. */
  public record StoredFile(long id, String incidentNumber, String fileName, String contentType, byte[] content) {
  }

  private final JdbcTemplate jdbc;

  IncidentAttachments(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void add(String incidentNumber, IncomingMail.Attachment attachment, String messageId) {
    jdbc.update("INSERT INTO incident_attachment (incident_number, file_name, content_type, size_bytes, content,"
            + " message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", incidentNumber, attachment.fileName(),
        attachment.contentType(), attachment.content().length, attachment.content(), messageId,
        Timestamp.from(EngineClock.now()));
  }

  @Override
  public List<IncidentDetail.Attachment> attachmentsOf(String incidentNumber) {
    return jdbc.query("SELECT id, file_name, content_type, size_bytes, created_at FROM incident_attachment"
            + " WHERE incident_number = ? ORDER BY id", (rs, row) -> new IncidentDetail.Attachment(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant(),
            "/api/incidents/" + incidentNumber + "/attachments/" + rs.getLong(1)), incidentNumber);
  }

  /** The file {@code id} of incident {@code incidentNumber}, if it has one of that id. */
  public Optional<StoredFile> find(String incidentNumber, long id) {
    return jdbc.query("SELECT id, incident_number, file_name, content_type, content FROM incident_attachment"
            + " WHERE incident_number = ? AND id = ?", (rs, row) -> new StoredFile(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getBytes(5)), incidentNumber, id).stream().findFirst();
  }
}
