package io.incidentflow.incident;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a database that cannot be reached (down, cut off, the pool out of connections) from every other
 * failure: what a client should try again in a moment (503), not a defect (500).
 */
public final class DatabaseOutages {

  /** H2: the connection is broken, the database is closed. */
  private static final Set<Integer> H2_GONE = Set.of(90067, 90098, 90121);

  private DatabaseOutages() {
  }

  /** Whether {@code failure} comes from a database that cannot be reached. */
  public static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof CannotGetJdbcConnectionException || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
          || H2_GONE.contains(sql.getErrorCode()))) {
        return true;
      }
    }
    return false;
  }
}
