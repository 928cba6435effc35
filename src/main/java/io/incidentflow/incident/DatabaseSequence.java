package io.incidentflow.incident;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * A database sequence that numbers things (incidents, problems): shared by every node on the database, it
 * survives restarts and never hands out a value twice, even when the transaction that drew it rolls back (such a
 * value is skipped, not reused). H2 and PostgreSQL ask for the next value in words of their own.
 */
public final class DatabaseSequence {

  private final JdbcTemplate jdbc;
  private final String nextValueSql;
  private final String name;

  public DatabaseSequence(DataSource dataSource, String name) throws MetaDataAccessException {
    this.jdbc = new JdbcTemplate(dataSource);
    this.name = name;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.nextValueSql = product.toLowerCase().contains("postgres")
        ? "SELECT nextval('" + name + "')"
        : "SELECT NEXT VALUE FOR " + name;
  }

  /** The next value; an {@link IllegalStateException} once it passes {@code max}, what the numbers' format holds. */
  public long next(long max) {
    Long value = jdbc.queryForObject(nextValueSql, Long.class);
    if (value == null || value > max) {
      throw new IllegalStateException("The numbers of " + name + " are exhausted: the sequence reached " + value);
    }
    return value;
  }
}
