package io.incidentflow.intake;

import io.incidentflow.incident.DatabaseSequence;
import javax.sql.DataSource;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Draws incident numbers ({@code INC} + 7 digits) from the database sequence {@code incident_number_seq}
 * ({@link DatabaseSequence}: unique across nodes and restarts, never reused).
 */
@Component
public class IncidentNumberGenerator {

  static final long MAX_NUMBER = 9_999_999L;

  private final DatabaseSequence sequence;

  public IncidentNumberGenerator(DataSource dataSource) throws MetaDataAccessException {
    this.sequence = new DatabaseSequence(dataSource, "incident_number_seq");
  }

  /** The next incident number, e.g. {@code INC0001042}. */
  public String next() {
    return format(sequence.next(MAX_NUMBER));
  }

  static String format(long value) {
    return String.format("INC%07d", value);
  }
}
