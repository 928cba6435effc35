package io.incidentflow.mailin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who reads the mailbox (table {@code mail_in_lease}): one node at a time, the holder of the lease until it expires
 * unrenewed, so that two nodes never take the same mail at once (the Message-ID's row would stop the second anyway,
 * but only after it had done the work). Counted in real time, not the engine's clock, which tests move.
 */
@Repository
class MailInLease {

  static final String MAILBOX = "mailbox";

  private final JdbcTemplate jdbc;

  MailInLease(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Takes or renews the lease for {@code holder} for {@code duration}; false while another node holds it. */
  boolean acquire(String holder, Duration duration) {
    Instant now = Instant.now();
    Timestamp until = Timestamp.from(now.plus(duration));
    int renewed = jdbc.update("UPDATE mail_in_lease SET holder = ?, expires_at = ? WHERE name = ?"
        + " AND (holder = ? OR expires_at < ?)", holder, until, MAILBOX, holder, Timestamp.from(now));
    if (renewed > 0) {
      return true;
    }
    try {
      jdbc.update("INSERT INTO mail_in_lease (name, holder, expires_at) VALUES (?, ?, ?)", MAILBOX, holder, until);
      return true;
    } catch (DuplicateKeyException heldByAnother) {
      return false;
    }
  }

  /** Gives the lease up, so that another node need not wait for it to expire. */
  void release(String holder) {
    jdbc.update("DELETE FROM mail_in_lease WHERE name = ? AND holder = ?", MAILBOX, holder);
  }
}
