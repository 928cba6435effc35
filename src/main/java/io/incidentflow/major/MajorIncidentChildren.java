package io.incidentflow.major;

import io.incidentflow.incident.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which incidents are linked to which major incident, table {@code major_incident_child}: when and by whom each was
 * linked, and unlinked. The child itself carries {@code parentIncidentNumber} while it is linked.
 */
@Repository
public class MajorIncidentChildren {

  /** One link; {@code unlinkedAt} is null while it holds. */
  public record Link(String parentNumber, String childNumber, Instant linkedAt, String linkedBy, Instant unlinkedAt,
      String unlinkedBy) {
  }

  private final JdbcTemplate jdbc;

  public MajorIncidentChildren(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void link(String parentNumber, String childNumber, String by) {
    jdbc.update("INSERT INTO major_incident_child (parent_number, child_number, linked_at, linked_by) VALUES (?, ?, ?, ?)",
        parentNumber, childNumber, Timestamp.from(EngineClock.now()), by);
  }

  void unlink(String childNumber, String by) {
    jdbc.update("UPDATE major_incident_child SET unlinked_at = ?, unlinked_by = ? WHERE child_number = ?"
        + " AND unlinked_at IS NULL", Timestamp.from(EngineClock.now()), by, childNumber);
  }

  /** Every link of a major incident, held or undone, oldest first. */
  public List<Link> of(String parentNumber) {
    return jdbc.query("SELECT parent_number, child_number, linked_at, linked_by, unlinked_at, unlinked_by"
        + " FROM major_incident_child WHERE parent_number = ? ORDER BY linked_at, id", MajorIncidentChildren::link,
        parentNumber);
  }

  /** The numbers of the incidents linked to a major incident now. */
  public List<String> linked(String parentNumber) {
    return of(parentNumber).stream().filter(link -> link.unlinkedAt() == null).map(Link::childNumber).toList();
  }

  /** The major incident an incident is linked to now. */
  public Optional<String> parentOf(String childNumber) {
    return jdbc.queryForList("SELECT parent_number FROM major_incident_child WHERE child_number = ?"
        + " AND unlinked_at IS NULL", String.class, childNumber).stream().findFirst();
  }

  private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Link(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6));
  }
}
