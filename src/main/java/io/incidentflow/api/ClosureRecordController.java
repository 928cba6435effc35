package io.incidentflow.api;

import io.incidentflow.closure.ClosureRecord;
import io.incidentflow.closure.ClosureRecordDocument;
import io.incidentflow.closure.ClosureRecords;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.incident.SupportGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
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

  /** The record as {@code answer} makes it, or 403, 400 or 404 as the case may be (the API's error body). */
  private ResponseEntity<?> serve(String incidentNumber, HttpServletRequest request,
      Function<ClosureRecord, ResponseEntity<?>> answer) {
    if (!ApiAuthentication.caller(request).isMemberOfAny(SupportGroups.STAFF)) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN,
          "Closure records are for the service-desk staff: your user is in none of its groups");
    }
    IncidentNumbers.require(incidentNumber);
    ClosureRecord record = records.find(incidentNumber).orElseThrow(() -> new RequestRefusedException(
        HttpStatus.NOT_FOUND, "No closure record for " + incidentNumber + ": no such incident, or it is not closed yet"));
    // The record outlives the engine's history: the groups it was assigned to are in the record itself.
    IncidentAccess.requireRead(ApiAuthentication.caller(request), incidentNumber, record.assignmentGroups());
    return answer.apply(record);
  }
}
