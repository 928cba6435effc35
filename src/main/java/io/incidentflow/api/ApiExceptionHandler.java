package io.incidentflow.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.incidentflow.api.ApiError.FieldMessage;
import io.incidentflow.incident.DatabaseOutages;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.security.DoorAnswers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an application endpoint into the one {@link ApiError} body: bad input names
 * each field at fault, malformed JSON says where, a database that cannot be reached is 503 with
 * {@code Retry-After}, and anything unexpected is a 500 whose details stay in the log, never a stack trace
 * in the answer. (An oversize body never gets here:
 * {@link io.incidentflow.security.RequestScreen} refuses it with 413 before it is read.)
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(RequestRefusedException.class)
  ResponseEntity<ApiError> api(RequestRefusedException e) {
    return answer(ApiError.of(e));
  }

  @ExceptionHandler(InvalidIncidentInputException.class)
  ResponseEntity<ApiError> invalidInput(InvalidIncidentInputException e) {
    return answer(new ApiError(400, e.getMessage(), e.getFieldErrors().stream().map(FieldMessage::of).toList()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonParseException malformed) {
      // Jackson's message may describe where an object started in terms of its input source: noise for a client.
      String problem = malformed.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:.*?]\\)", "");
      return answer(new ApiError(400, "The body is no valid JSON (line " + malformed.getLocation().getLineNr()
          + ", column " + malformed.getLocation().getColumnNr() + "): " + problem, List.of()));
    }
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch.getPath());
      String message = "must be " + expected(mismatch.getTargetType());
      return answer(new ApiError(400, "Invalid input: " + field + " " + message, List.of(new FieldMessage(field, message))));
    }
    if (e.getCause() instanceof MismatchedInputException) {
      return answer(new ApiError(400, "The body must be a JSON object", List.of()));
    }
    return answer(new ApiError(400, "A JSON body is required", List.of()));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> malformedMultipart(MultipartException e) {
    return answer(new ApiError(400, "The body is no valid multipart/form-data; send the answer as a form"
        + " (application/x-www-form-urlencoded) or as JSON", List.of()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return answer(ApiError.of(RequestRefusedException.badField(e.getName(), "must be " + expected(e.getRequiredType()) + " (was '" + e.getValue() + "')")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return answer(ApiError.of(RequestRefusedException.badField(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
    return answer(ApiError.of(RequestRefusedException.badField(e.getHeaderName(), "is required")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return answer(new ApiError(415, "Send the body as " + e.getSupportedMediaTypes().stream().map(MediaType::toString)
        .reduce((a, b) -> a + " or " + b).orElse("JSON") + " (was " + e.getContentType() + ")", List.of()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return answer(new ApiError(406, "This endpoint answers " + e.getSupportedMediaTypes(), List.of()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return answer(new ApiError(405, e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods(), List.of()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noSuchEndpoint(NoResourceFoundException e) {
    return answer(new ApiError(404, "No such endpoint: /" + e.getResourcePath(), List.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
      // Any other request error Spring MVC knows, in this API's shape.
      String detail = known.getBody().getDetail();
      return answer(new ApiError(known.getStatusCode().value(), detail == null ? e.getMessage() : detail, List.of()));
    }
    if (DatabaseOutages.isOutage(e)) {
      LOG.warn("An API request met a database that cannot be reached ({}); answered 503", e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
          .header("Retry-After", Integer.toString(DoorAnswers.RETRY_AFTER_SECONDS))
          .body(new ApiError(503, DoorAnswers.UNAVAILABLE, List.of()));
    }
    LOG.error("Unexpected failure of an API request", e);
    return answer(new ApiError(500, "Internal error: the application log has the details", List.of()));
  }

  /** The error with its status, always as JSON, whatever the endpoint would have produced otherwise. */
  static ResponseEntity<ApiError> answer(ApiError error) {
    return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error);
  }

  /** {@code alerts[0].labels} for the path of a JSON mapping problem. */
  private static String path(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object of texts";
    }
    return "an object";
  }
}
