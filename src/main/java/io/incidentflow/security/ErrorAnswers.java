package io.incidentflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * Writes an error in the shape of the door it happens at: the application's API ({@code {"status": 400,
 * "error": "...", "fields": [{"field": ..., "message": ...}]}}) or the engine's REST API, whose clients
 * (Tasklist, Cockpit, Modeler) read Camunda's shape ({@code {"type": ..., "message": ...}}); the type is
 * the name of the HTTP status, never a Java class.
 */
final class ErrorAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorAnswers() {
  }

  /** Answers {@code status} with {@code message}; {@code field} names the input at fault, or is null. */
  static void write(HttpServletResponse response, ErrorShape shape, HttpStatus status, String message, String field)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    byte[] body = body(shape, status, message, field);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static byte[] body(ErrorShape shape, HttpStatus status, String message, String field) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    if (shape == ErrorShape.API) {
      body.put("status", status.value());
      body.put("error", message);
      if (field != null) {
        body.putArray("fields").addObject().put("field", field).put("message", message);
      }
    } else {
      body.put("type", typeOf(status));
      body.put("message", field == null ? message : field + ": " + message);
      body.putNull("code");
    }
    return JSON.writeValueAsBytes(body);
  }

  /** {@code NotFound}, {@code BadRequest}, {@code PayloadTooLarge} ...: the status's name in words. */
  static String typeOf(HttpStatus status) {
    StringBuilder type = new StringBuilder();
    for (String word : status.getReasonPhrase().split("[^A-Za-z]+")) {
      if (!word.isEmpty()) {
        type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase());
      }
    }
    return type.toString();
  }
}
