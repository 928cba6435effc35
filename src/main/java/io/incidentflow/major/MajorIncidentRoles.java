package io.incidentflow.major;

import io.incidentflow.incident.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The roles of each major incident as they changed hands, table {@code major_incident_role_change}: every change
 * explicit, with who made it, when, from whom and to whom. The current holders are the process's variables
 * ({@code incidentCommander}, {@code communicationsLead}, {@code engagedGroups}).
 */
@Repository
public class MajorIncidentRoles {

  /** The roles of the Incident Command System that a major incident records. */
  public enum Role {
    INCIDENT_COMMANDER("incident-commander"),
    COMMUNICATIONS_LEAD("communications-lead"),
    ENGAGED_GROUP("engaged-group");

    private final String value;

    Role(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** One change of a role: an engaged group has no "from". */
  public record RoleChange(String incidentNumber, String role, String from, String to, String changedBy,
      Instant changedAt, String reason) {
  }

  private final JdbcTemplate jdbc;

  public MajorIncidentRoles(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Records that {@code role} went from {@code from} to {@code to}, unless nothing changed. */
  public void record(String incidentNumber, Role role, String from, String to, String changedBy, String reason) {
    if (Objects.equals(from, to)) {
      return;
    }
    jdbc.update("INSERT INTO major_incident_role_change (incident_number, role, from_value, to_value, changed_by,"
            + " changed_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", incidentNumber, role.value(), from, to, changedBy,
        Timestamp.from(EngineClock.now()), reason);
  }

  /** The groups engaged in one major incident so far. */
  public java.util.Set<String> engagedGroups(String incidentNumber) {
    return new java.util.LinkedHashSet<>(jdbc.queryForList("SELECT to_value FROM major_incident_role_change"
        + " WHERE incident_number = ? AND role = ? ORDER BY changed_at, id", String.class, incidentNumber,
        Role.ENGAGED_GROUP.value()));
  }

  /** The changes of one major incident, oldest first. */
  public List<RoleChange> of(String incidentNumber) {
    return jdbc.query("SELECT incident_number, role, from_value, to_value, changed_by, changed_at, reason"
            + " FROM major_incident_role_change WHERE incident_number = ? ORDER BY changed_at, id",
        (rs, row) -> new RoleChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), incidentNumber);
  }
}
