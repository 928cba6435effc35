package io.incidentflow.intake;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Draws incident numbers ({@code INC} + 7 digits) from the database sequence {@code incident_number_seq}.
 * A sequence is shared by every node on the database, survives restarts and never hands out a number
 * twice, even when the transaction that drew it rolls back (such a number is skipped, not reused).
 */
@Component
public class IncidentNumberGenerator {

  static final long MAX_NUMBER = 9_999_999L;

  private final JdbcTemplate jdbc;
  private final String nextValueSql;

  public IncidentNumberGenerator(DataSource dataSource) throws Exception {
    this.jdbc = new JdbcTemplate(dataSource);
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.nextValueSql = product.toLowerCase().contains("postgres")
        ? "SELECT nextval('incident_number_seq')"
        : "SELECT NEXT VALUE FOR incident_number_seq";
  }

  /** The next incident number, e.g. {@code INC0001042}. */
  public String next() {
    Long value = jdbc.queryForObject(nextValueSql, Long.class);
    if (value == null || value > MAX_NUMBER) {
      throw new IllegalStateException("Incident numbers are exhausted: the sequence reached " + value);
    }
    return format(value);
  }

  static String format(long value) {
    return String.format("INC%07d", value);
  }
}
