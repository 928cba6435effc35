package io.incidentflow.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The alerts behind incidents, table {@code monitoring_alert}. While an incident is open its row holds
 * the fingerprint in {@code open_fingerprint}, whose unique index admits one open incident per
 * fingerprint: opening a second one fails in the database, whichever thread or node tries.
 */
@Repository
public class OpenAlerts {

  /** An alert as an incident records it. */
  public record AlertRecord(String fingerprint, String alertName, String incidentNumber, Instant firstSeen,
      Instant lastSeen, int occurrences, Instant clearedAt) {
  }

  private final JdbcTemplate jdbc;

  public OpenAlerts(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Counts another occurrence of an alert with an open incident, and returns that incident; empty when none is open. */
  public Optional<String> addOccurrence(String fingerprint, Instant now) {
    int counted = jdbc.update("UPDATE monitoring_alert SET occurrences = occurrences + 1, last_seen = ?, cleared_at = NULL"
        + " WHERE open_fingerprint = ?", Timestamp.from(now), fingerprint);
    return counted == 0 ? Optional.empty() : openIncident(fingerprint);
  }

  /**
   * Opens the fingerprint for a new incident; a {@link org.springframework.dao.DuplicateKeyException} (or,
   * racing on some databases, another concurrency failure) when it is open already.
   */
  public void open(String fingerprint, String alertName, Instant now) {
    jdbc.update("INSERT INTO monitoring_alert (fingerprint, open_fingerprint, alert_name, first_seen, last_seen,"
        + " occurrences) VALUES (?, ?, ?, ?, ?, 1)", fingerprint, fingerprint, alertName, Timestamp.from(now),
        Timestamp.from(now));
  }

  /** Records which incident the open fingerprint raised. */
  public void attach(String fingerprint, String incidentNumber) {
    jdbc.update("UPDATE monitoring_alert SET incident_number = ? WHERE open_fingerprint = ?", incidentNumber, fingerprint);
  }

  /** Records that the alert has cleared; the incident, if it is open and was not cleared already. */
  public Optional<String> clear(String fingerprint, Instant now) {
    int cleared = jdbc.update("UPDATE monitoring_alert SET cleared_at = ? WHERE open_fingerprint = ? AND cleared_at IS NULL",
        Timestamp.from(now), fingerprint);
    return cleared == 0 ? Optional.empty() : openIncident(fingerprint);
  }

  /** The incident is closed: its alerts' next firing raises a new one. */
  public void release(String incidentNumber) {
    jdbc.update("UPDATE monitoring_alert SET open_fingerprint = NULL WHERE incident_number = ? AND open_fingerprint"
        + " IS NOT NULL", incidentNumber);
  }

  /** The alerts behind the incident. */
  public List<AlertRecord> of(String incidentNumber) {
    return jdbc.query("SELECT fingerprint, alert_name, incident_number, first_seen, last_seen, occurrences, cleared_at"
            + " FROM monitoring_alert WHERE incident_number = ? ORDER BY first_seen, id",
        (rs, row) -> new AlertRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5).toInstant(), rs.getInt(6),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
        incidentNumber);
  }

  private Optional<String> openIncident(String fingerprint) {
    return jdbc.queryForList("SELECT incident_number FROM monitoring_alert WHERE open_fingerprint = ?", String.class,
        fingerprint).stream().findFirst();
  }
}
