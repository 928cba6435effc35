package io.incidentflow.closure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The closure records, in the table {@code incident_closure_record}: the record as JSON, with the
 * figures as columns for reports. Written in the same transaction as the step that closes the incident.
 */
@Repository
public class ClosureRecords {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public ClosureRecords(DataSource dataSource, ObjectMapper json) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.json = json;
  }

  /** Stores the record; a record written again for the same incident replaces the earlier one. */
  public void save(ClosureRecord record) {
    String document;
    try {
      document = json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(record.incidentNumber() + ": the closure record cannot be written as JSON", e);
    }
    jdbc.update("DELETE FROM incident_closure_record WHERE incident_number = ?", record.incidentNumber());
    jdbc.update("INSERT INTO incident_closure_record (incident_number, closed_at, closed_because, category, priority,"
            + " assignment_group, reopen_count, reassignment_count, time_to_acknowledge_seconds,"
            + " time_to_resolve_seconds, time_on_hold_seconds, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        record.incidentNumber(), Timestamp.from(record.closedAt()), record.closedBecause(),
        record.classification().category(), record.classification().priority(),
        record.classification().assignmentGroup(), record.reopenCount(), record.reassignmentCount(),
        record.figures().timeToAcknowledgeSeconds(), record.figures().timeToResolveSeconds(),
        record.figures().timeOnHoldSeconds(), document);
  }

  /** The record of the incident numbered {@code incidentNumber}, if it is closed. */
  public Optional<ClosureRecord> find(String incidentNumber) {
    List<String> documents = jdbc.queryForList(
        "SELECT record FROM incident_closure_record WHERE incident_number = ?", String.class, incidentNumber);
    return documents.stream().findFirst().map(document -> {
      try {
        return json.readValue(document, ClosureRecord.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(incidentNumber + ": the stored closure record cannot be read", e);
      }
    });
  }
}
