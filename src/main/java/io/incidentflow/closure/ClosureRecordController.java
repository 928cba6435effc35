package io.incidentflow.closure;

import io.incidentflow.config.ApiAuthentication;
import io.incidentflow.identity.SupportGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/incidents/{incidentNumber}/closure-record}: the closure record of a closed incident,
 * as the HTML document ({@code Accept: text/html}, the default) or as JSON ({@code Accept:
 * application/json}). For the staff: members of any of the product's groups and administrators.
 */
@RestController
public class ClosureRecordController {

  static final String PATH = "/api/incidents/{incidentNumber}/closure-record";
  private static final Pattern INCIDENT_NUMBER = Pattern.compile("INC\\d{7}");
  private static final List<String> READERS;

  static {
    List<String> readers = new ArrayList<>(SupportGroups.ALL);
    readers.add(Groups.CAMUNDA_ADMIN);
    READERS = List.copyOf(readers);
  }

  private final ClosureRecords records;
  private final ClosureRecordDocument document;

  public ClosureRecordController(ClosureRecords records, ClosureRecordDocument document) {
    this.records = records;
    this.document = document;
  }

  @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<?> html(@PathVariable String incidentNumber, HttpServletRequest request) {
    return serve(incidentNumber, request, record -> ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(document.html(record)));
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> json(@PathVariable String incidentNumber, HttpServletRequest request) {
    return serve(incidentNumber, request, ResponseEntity::ok);
  }

  /** The record as {@code answer} makes it, or 403, 400 or 404 as the case may be. */
  private ResponseEntity<?> serve(String incidentNumber, HttpServletRequest request,
      Function<ClosureRecord, ResponseEntity<?>> answer) {
    if (!ApiAuthentication.caller(request).isMemberOfAny(READERS)) {
      return error(HttpStatus.FORBIDDEN, Map.of("status", 403,
          "error", "Closure records are for the service-desk staff: your user is in none of its groups"));
    }
    if (!INCIDENT_NUMBER.matcher(incidentNumber).matches()) {
      return error(HttpStatus.BAD_REQUEST, Map.of("status", 400, "error", "Bad incident number",
          "errors", List.of(Map.of("field", "incidentNumber",
              "reason", "must be INC followed by 7 digits, e.g. INC0001042 (was '" + incidentNumber + "')"))));
    }
    return records.find(incidentNumber).<ResponseEntity<?>>map(answer).orElseGet(() -> error(HttpStatus.NOT_FOUND,
        Map.of("status", 404, "error", "No closure record for " + incidentNumber
            + ": no such incident, or it is not closed yet")));
  }

  private static ResponseEntity<?> error(HttpStatus status, Map<String, Object> body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
