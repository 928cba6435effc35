package io.incidentflow.incident;

import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A request that the incident refuses: its status (404 no such incident, 409 not in the state the action
 * needs, 403 not allowed, 400 bad input), what went wrong and, for bad input, every field at fault. Thrown
 * by the features; the API answers it in its error body.
 */
public class RequestRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final transient List<FieldError> fields;

  public RequestRefusedException(HttpStatus status, String error, List<FieldError> fields) {
    super(error);
    this.status = status;
    this.fields = List.copyOf(fields);
  }

  public RequestRefusedException(HttpStatus status, String error) {
    this(status, error, List.of());
  }

  /** 400 for one field at fault. */
  public static RequestRefusedException badField(String field, String message) {
    return badFields(List.of(new FieldError(field, message)));
  }

  /** 400 naming every field at fault, as the process's own input checks do. */
  public static RequestRefusedException badFields(List<FieldError> fields) {
    return new RequestRefusedException(HttpStatus.BAD_REQUEST, "Invalid input: " + fields.stream()
        .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")), fields);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> fields() {
    return fields;
  }
}
