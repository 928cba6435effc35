package io.incidentflow.api;

import io.incidentflow.api.ApiError.FieldMessage;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Ends a request with an {@link ApiError}: the status, what went wrong and, for bad input, the fields at fault. */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final transient List<FieldMessage> fields;

  public ApiException(HttpStatus status, String error, List<FieldMessage> fields) {
    super(error);
    this.status = status;
    this.fields = List.copyOf(fields);
  }

  public ApiException(HttpStatus status, String error) {
    this(status, error, List.of());
  }

  /** 400 for one field at fault. */
  public static ApiException badField(String field, String message) {
    return badFields(List.of(new FieldMessage(field, message)));
  }

  /** 400 naming every field at fault, as the process's own input checks do. */
  public static ApiException badFields(List<FieldMessage> fields) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Invalid input: " + fields.stream()
        .map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")), fields);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldMessage> fields() {
    return fields;
  }

  /** The body that answers it. */
  public ApiError body() {
    return new ApiError(status.value(), getMessage(), fields);
  }
}
