package io.incidentflow.intake;

import io.incidentflow.incident.EngineClock;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key}s of {@code POST /api/incidents}, per client, in table
 * {@code api_idempotency_key}. A key is claimed in the transaction that reports the incident: the primary
 * key lets a concurrent retry wait until the first attempt commits (and then find its incident) or rolls
 * back (and then report it itself).
 */
@Repository
public class IdempotencyKeys {

  /** A key seen before: which request it came with and which incident that request made. */
  public record Claim(String requestHash, String incidentNumber) {
  }

  private final JdbcTemplate jdbc;

  public IdempotencyKeys(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** The claim of {@code key}, if any. */
  public Optional<Claim> find(String clientId, String key) {
    List<Claim> claims = jdbc.query("SELECT request_hash, incident_number FROM api_idempotency_key"
            + " WHERE client_id = ? AND idempotency_key = ?",
        (rs, row) -> new Claim(rs.getString(1), rs.getString(2)), clientId, key);
    return claims.stream().findFirst();
  }

  /** Claims {@code key}; a {@link org.springframework.dao.DuplicateKeyException} when someone has it already. */
  public void claim(String clientId, String key, String requestHash) {
    jdbc.update("INSERT INTO api_idempotency_key (client_id, idempotency_key, request_hash, created_at)"
        + " VALUES (?, ?, ?, ?)", clientId, key, requestHash, Timestamp.from(EngineClock.now()));
  }

  /** Records the incident the claimed key's request made. */
  public void complete(String clientId, String key, String incidentNumber) {
    jdbc.update("UPDATE api_idempotency_key SET incident_number = ? WHERE client_id = ? AND idempotency_key = ?",
        incidentNumber, clientId, key);
  }
}
