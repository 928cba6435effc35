package io.incidentflow.problem;

import io.incidentflow.incident.DatabaseSequence;
import io.incidentflow.incident.RequestRefusedException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Problem numbers: {@code PRB} + 7 digits, drawn from the database sequence {@code problem_number_seq}
 * ({@link DatabaseSequence}) as incident numbers are from theirs.
 */
@Component
public class ProblemNumbers {

  private static final Pattern FORMAT = Pattern.compile("PRB\\d{7}");
  private static final long MAX_NUMBER = 9_999_999L;

  private final DatabaseSequence sequence;

  public ProblemNumbers(DataSource dataSource) throws MetaDataAccessException {
    this.sequence = new DatabaseSequence(dataSource, "problem_number_seq");
  }

  /** The next problem number, e.g. {@code PRB0000012}. */
  public String next() {
    return String.format("PRB%07d", sequence.next(MAX_NUMBER));
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
