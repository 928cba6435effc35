package io.incidentflow.problem;

import io.incidentflow.incident.RequestRefusedException;
import java.sql.DatabaseMetaData;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Problem numbers: {@code PRB} + 7 digits, drawn from the database sequence {@code problem_number_seq} as
 * incident numbers are from theirs (shared by every node, never handed out twice).
 */
@Component
public class ProblemNumbers {

  private static final Pattern FORMAT = Pattern.compile("PRB\\d{7}");
  private static final long MAX_NUMBER = 9_999_999L;

  private final JdbcTemplate jdbc;
  private final String nextValueSql;

  public ProblemNumbers(DataSource dataSource) throws Exception {
    this.jdbc = new JdbcTemplate(dataSource);
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.nextValueSql = product.toLowerCase().contains("postgres")
        ? "SELECT nextval('problem_number_seq')"
        : "SELECT NEXT VALUE FOR problem_number_seq";
  }

  /** The next problem number, e.g. {@code PRB0000012}. */
  public String next() {
    Long value = jdbc.queryForObject(nextValueSql, Long.class);
    if (value == null || value > MAX_NUMBER) {
      throw new IllegalStateException("Problem numbers are exhausted: the sequence reached " + value);
    }
    return String.format("PRB%07d", value);
  }

  /** Whether {@code candidate} has the form of a problem number. */
  public static boolean isValid(String candidate) {
    return candidate != null && FORMAT.matcher(candidate).matches();
  }

  /** 400 naming {@code field} unless {@code candidate} is a problem number. */
  public static void require(String field, String candidate) {
    if (!isValid(candidate)) {
      throw RequestRefusedException.badField(field,
          "must be PRB followed by 7 digits, e.g. PRB0000012 (was '" + candidate + "')");
    }
  }
}
