package io.incidentflow.incident;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that an incident cannot accept: one entry per bad field. Thrown inside the engine command, so
 * the whole action (start, task completion) is rolled back and nothing is half-created. Extending the
 * engine's form-validation exception makes the engine REST API and Tasklist answer 400 with the message.
 */
public class InvalidIncidentInputException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> fieldErrors;

  public InvalidIncidentInputException(List<FieldError> fieldErrors) {
    super(fieldErrors.isEmpty() ? null : fieldErrors.get(0).field(), describe(fieldErrors));
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** Every bad field with the reason, in the order they were checked. */
  public List<FieldError> getFieldErrors() {
    return fieldErrors;
  }

  private static String describe(List<FieldError> errors) {
    return "Invalid input: " + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
  }

  /** One field at fault and why. */
  public record FieldError(String field, String message) {
  }
}
