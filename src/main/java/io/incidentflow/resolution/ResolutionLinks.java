package io.incidentflow.resolution;

import io.incidentflow.closure.ClosureSettings;
import io.incidentflow.incident.Digests;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.notification.ApplicationUrl;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accept and reject links of the resolution mail, so that a caller answers without an account. Each
 * resolution mail gets a new token of 256 random bits; the table {@code resolution_confirmation_token}
 * keeps only its SHA-256. A token works once, for its incident, until the auto-close period is over or
 * a newer resolution mail replaces it; anything else is refused with 403 and changes nothing.
 */
@Component
public class ResolutionLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final ApplicationUrl applicationUrl;
  private final ClosureSettings closure;

  public ResolutionLinks(DataSource dataSource, ApplicationUrl applicationUrl, ClosureSettings closure) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.applicationUrl = applicationUrl;
    this.closure = closure;
  }

  /** The links of one resolution mail, valid until {@code expiresAt}. */
  public record Links(String acceptUrl, String rejectUrl, Instant expiresAt) {
  }

  /** New links for the incident's resolution mail; the links of earlier mails stop working. */
  public Links issue(String incidentNumber) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = EngineClock.now();
    Instant expiresAt = now.plus(closure.autoClosePeriod());
    jdbc.update("UPDATE resolution_confirmation_token SET used_at = ? WHERE incident_number = ? AND used_at IS NULL",
        Timestamp.from(now), incidentNumber);
    jdbc.update("INSERT INTO resolution_confirmation_token (token_hash, incident_number, created_at, expires_at)"
        + " VALUES (?, ?, ?, ?)", hash(token), incidentNumber, Timestamp.from(now), Timestamp.from(expiresAt));
    String link = applicationUrl.base() + "/api/incidents/" + incidentNumber + "/resolution-confirmation/" + token;
    return new Links(link + "?accepted=true", link + "?accepted=false", expiresAt);
  }

  /** 403 unless {@code token} is a working link of the incident. */
  public void check(String incidentNumber, String token) {
    Integer valid = jdbc.queryForObject("SELECT COUNT(*) FROM resolution_confirmation_token WHERE token_hash = ?"
        + " AND incident_number = ? AND used_at IS NULL AND expires_at > ?", Integer.class, hash(token),
        incidentNumber, Timestamp.from(EngineClock.now()));
    if (valid == null || valid == 0) {
      throw refused();
    }
  }

  /** Uses up {@code token} in the current transaction; 403 unless it is a working link of the incident. */
  public void redeem(String incidentNumber, String token) {
    Timestamp now = Timestamp.from(EngineClock.now());
    int used = jdbc.update("UPDATE resolution_confirmation_token SET used_at = ? WHERE token_hash = ?"
        + " AND incident_number = ? AND used_at IS NULL AND expires_at > ?", now, hash(token), incidentNumber, now);
    if (used == 0) {
      throw refused();
    }
  }

  private static RequestRefusedException refused() {
    return new RequestRefusedException(HttpStatus.FORBIDDEN, "This link does not work (any more): it was used already, it"
        + " expired, or a newer mail replaced it. Please answer the latest mail or call the service desk.");
  }

  private static String hash(String token) {
    return Digests.sha256Hex(token);
  }
}
