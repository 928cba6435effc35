package io.incidentflow.incident;

import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks the variables of an incident field by field and reports every fault at once. Forms validate
 * the same rules in the browser; this check also protects the process from API clients, and the API
 * checks its own request fields with the same rules ({@link #of(Map)}).
 */
public final class InputCheck {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

  private final Function<String, Object> variables;
  private final List<FieldError> errors = new ArrayList<>();

  private InputCheck(Function<String, Object> variables) {
    this.variables = variables;
  }

  /** Starts a check of the variables visible from {@code variables} (an execution or a task). */
  public static InputCheck of(VariableScope variables) {
    return new InputCheck(variables::getVariable);
  }

  /** Starts a check of named values that are no process variables (yet), such as the fields of a request. */
  public static InputCheck of(Map<String, ?> values) {
    return new InputCheck(values::get);
  }

  /** A non-blank text of at most {@code maxLength} characters. */
  public InputCheck requireText(String field, int maxLength) {
    Object value = variables.apply(field);
    if (!(value instanceof String text) || text.isBlank()) {
      return fail(field, value == null || value instanceof String ? "is required" : "must be text");
    }
    return text(field, text, maxLength);
  }

  /** A text of at most {@code maxLength} characters, or nothing. */
  public InputCheck optionalText(String field, int maxLength) {
    Object value = variables.apply(field);
    if (value == null) {
      return this;
    }
    if (!(value instanceof String text)) {
      return fail(field, "must be text");
    }
    return text(field, text, maxLength);
  }

  private InputCheck text(String field, String text, int maxLength) {
    String controlCharacters = controlCharacterProblem(text);
    if (controlCharacters != null) {
      return fail(field, controlCharacters);
    }
    return text.length() > maxLength ? fail(field, "must be at most " + maxLength + " characters") : this;
  }

  /**
   * Why {@code text} cannot be stored as it is: a NUL or another control character (tab, line feed and
   * carriage return are text); null when it can. PostgreSQL refuses NUL outright, and no person types the
   * others: they are a client's encoding fault or an attempt to forge what a log or a mail shows.
   */
  public static String controlCharacterProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        return String.format("must not contain control characters (U+%04X at position %d)", (int) c, i + 1);
      }
    }
    return null;
  }

  /** Whether {@code text} reads as an e-mail address. */
  public static boolean isEmail(String text) {
    return EMAIL.matcher(text).matches();
  }

  /** An e-mail address. */
  public InputCheck requireEmail(String field, int maxLength) {
    int before = errors.size();
    requireText(field, maxLength);
    if (errors.size() == before && !isEmail((String) variables.apply(field))) {
      fail(field, "must be an e-mail address such as jane.doe@example.com");
    }
    return this;
  }

  /** One of the values of {@code codes}. */
  public <E extends Enum<E> & CodeList> InputCheck requireCode(String field, Class<E> codes) {
    Object value = variables.apply(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return fail(field, "is required");
    }
    return CodeList.contains(codes, value) ? this
        : fail(field, "must be one of " + String.join(", ", CodeList.values(codes)) + " (was '" + value + "')");
  }

  /** A boolean: {@code true} or {@code false}. */
  public InputCheck requireBoolean(String field) {
    Object value = variables.apply(field);
    return value instanceof Boolean ? this : fail(field, value == null ? "is required" : "must be true or false");
  }

  /** Fails {@code field} with {@code message} unless {@code valid}: a rule of the caller's own. */
  public InputCheck require(boolean valid, String field, String message) {
    return valid ? this : fail(field, message);
  }

  /** Whether a fault has been found so far. */
  public boolean failed() {
    return !errors.isEmpty();
  }

  /** Throws {@link InvalidIncidentInputException} naming every fault found, if any. */
  public void orThrow() {
    if (!errors.isEmpty()) {
      throw new InvalidIncidentInputException(errors);
    }
  }

  private InputCheck fail(String field, String message) {
    errors.add(new FieldError(field, message));
    return this;
  }
}
