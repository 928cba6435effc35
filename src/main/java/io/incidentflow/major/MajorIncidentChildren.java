package io.incidentflow.major;

import io.incidentflow.incident.CodeList;
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
 * linked, and unlinked. The child itself carries {@code parentIncidentNumber} while it is linked. And the reports
 * proposed as children, table {@code major_incident_child_proposal}: each waits until a review shows it, and keeps
 * what the review decided.
 */
@Repository
public class MajorIncidentChildren {

  /** One link; {@code unlinkedAt} is null while it holds. */
  public record Link(String parentNumber, String childNumber, Instant linkedAt, String linkedBy, Instant unlinkedAt,
      String unlinkedBy) {
  }

  /** One proposed child as its review shows it: the report's number, what it says, when it was proposed. */
  public record Proposal(String childNumber, String shortDescription, Integer priority, String callerName,
      Instant proposedAt, String decision, String decidedBy) {
  }

  /** What a review decided for a proposal; stored as its {@link CodeList#value()}. */
  enum Decision implements CodeList {
    LINKED, NOT_LINKED, NOT_OPEN, WITHDRAWN, REVIEWED_ALONE
  }

  private static final String PROPOSAL_COLUMNS = "p.child_number, s.short_description, s.priority, s.caller_name,"
      + " p.proposed_at, p.decision, p.decided_by FROM major_incident_child_proposal p"
      + " LEFT JOIN incident_summary s ON s.incident_number = p.child_number";

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

  /** Records that report {@code childNumber} is proposed as a child of {@code parentNumber}: it waits for a review. */
  void propose(String parentNumber, String childNumber, Instant proposedAt) {
    jdbc.update("INSERT INTO major_incident_child_proposal (parent_number, child_number, proposed_at) VALUES (?, ?, ?)",
        parentNumber, childNumber, Timestamp.from(proposedAt));
  }

  /** Whether {@code childNumber} has been proposed to {@code parentNumber} already (decided or not). */
  boolean proposed(String parentNumber, String childNumber) {
    return count("SELECT COUNT(*) FROM major_incident_child_proposal WHERE parent_number = ? AND child_number = ?",
        parentNumber, childNumber) > 0;
  }

  /** How many proposals to {@code parentNumber} wait for a review. */
  int waiting(String parentNumber) {
    return count("SELECT COUNT(*) FROM major_incident_child_proposal WHERE parent_number = ? AND decided_at IS NULL"
        + " AND review_id IS NULL", parentNumber);
  }

  /** When the oldest proposal waiting for a review of {@code parentNumber} was made; null when none waits. */
  Instant oldestWaiting(String parentNumber) {
    Timestamp oldest = jdbc.queryForObject("SELECT MIN(proposed_at) FROM major_incident_child_proposal"
        + " WHERE parent_number = ? AND decided_at IS NULL AND review_id IS NULL", Timestamp.class, parentNumber);
    return oldest == null ? null : oldest.toInstant();
  }

  /** The numbers of the proposals to {@code parentNumber} that wait for a review, oldest first. */
  List<String> waitingNumbers(String parentNumber) {
    return jdbc.queryForList("SELECT child_number FROM major_incident_child_proposal WHERE parent_number = ?"
        + " AND decided_at IS NULL AND review_id IS NULL ORDER BY id", String.class, parentNumber);
  }

  /** The oldest {@code max} proposals to {@code parentNumber} that wait for a review, as a review shows them. */
  List<Proposal> waitingProposals(String parentNumber, int max) {
    return jdbc.query("SELECT " + PROPOSAL_COLUMNS + " WHERE p.parent_number = ? AND p.decided_at IS NULL"
        + " AND p.review_id IS NULL ORDER BY p.id FETCH FIRST ? ROWS ONLY", MajorIncidentChildren::proposal,
        parentNumber, max);
  }

  /** Puts the waiting proposals {@code childNumbers} to {@code parentNumber} into review {@code reviewId}. */
  void putInReview(String parentNumber, String reviewId, List<String> childNumbers) {
    for (String child : childNumbers) {
      jdbc.update("UPDATE major_incident_child_proposal SET review_id = ? WHERE parent_number = ? AND child_number = ?"
          + " AND decided_at IS NULL AND review_id IS NULL", reviewId, parentNumber, child);
    }
  }

  /** The proposals review {@code reviewId} shows, oldest first, decided or not. */
  public List<Proposal> inReview(String reviewId) {
    return jdbc.query("SELECT " + PROPOSAL_COLUMNS + " WHERE p.review_id = ? ORDER BY p.id",
        MajorIncidentChildren::proposal, reviewId);
  }

  /** Every proposal to {@code parentNumber}, oldest first, with what became of it. */
  public List<Proposal> proposals(String parentNumber) {
    return jdbc.query("SELECT " + PROPOSAL_COLUMNS + " WHERE p.parent_number = ? ORDER BY p.id",
        MajorIncidentChildren::proposal, parentNumber);
  }

  /** Records what review {@code reviewId} decided for {@code childNumber}. */
  void decide(String reviewId, String childNumber, Decision decision, String by) {
    jdbc.update("UPDATE major_incident_child_proposal SET decision = ?, decided_at = ?, decided_by = ?"
        + " WHERE review_id = ? AND child_number = ? AND decided_at IS NULL", decision.value(),
        Timestamp.from(EngineClock.now()), by, reviewId, childNumber);
  }

  /** Records that the proposals of review {@code reviewId} still undecided were withdrawn (the review was cancelled). */
  int withdrawReview(String reviewId) {
    return jdbc.update("UPDATE major_incident_child_proposal SET decision = ?, decided_at = ? WHERE review_id = ?"
        + " AND decided_at IS NULL", Decision.WITHDRAWN.value(), Timestamp.from(EngineClock.now()), reviewId);
  }

  /** Records that the proposals {@code childNumbers} to {@code parentNumber} waiting for a review are {@code decision}. */
  void decideWaiting(String parentNumber, List<String> childNumbers, String reviewId, Decision decision) {
    for (String child : childNumbers) {
      jdbc.update("UPDATE major_incident_child_proposal SET review_id = ?, decision = ?, decided_at = ?"
          + " WHERE parent_number = ? AND child_number = ? AND decided_at IS NULL AND review_id IS NULL", reviewId,
          decision.value(), Timestamp.from(EngineClock.now()), parentNumber, child);
    }
  }

  private int count(String sql, Object... arguments) {
    Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
    return count == null ? 0 : count;
  }

  private static Proposal proposal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    int priority = rs.getInt(3);
    return new Proposal(rs.getString(1), rs.getString(2), rs.wasNull() ? null : priority, rs.getString(4),
        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7));
  }

  private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Link(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6));
  }
}
