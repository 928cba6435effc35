package io.incidentflow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.incident.RequestRefusedException;
import java.util.List;

/**
 * The one error body of the whole API: {@code {"status": 400, "error": "...", "fields": [{"field":
 * "callerEmail", "message": "..."}]}}, with {@code fields} only where input was at fault.
 */
public record ApiError(int status, String error, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldMessage> fields) {

  /** The body that answers a refused request. */
  static ApiError of(RequestRefusedException refused) {
    return new ApiError(refused.status().value(), refused.getMessage(),
        refused.fields().stream().map(FieldMessage::of).toList());
  }

  /** A field of the request at fault, and why. */
  public record FieldMessage(String field, String message) {

    static FieldMessage of(InvalidIncidentInputException.FieldError error) {
      return new FieldMessage(error.field(), error.message());
    }
  }
}
