package io.incidentflow.api;

import io.incidentflow.comment.Commenting;
import io.incidentflow.comment.IncidentComments;
import io.incidentflow.incident.Caller;
import io.incidentflow.incident.CodeList;
import io.incidentflow.incident.Codes.SupportGroup;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.intake.IncidentIntake;
import io.incidentflow.resolution.ResolutionConfirmation;
import io.incidentflow.summary.IncidentDetail;
import io.incidentflow.summary.IncidentDetails;
import io.incidentflow.summary.IncidentSummaries;
import io.incidentflow.summary.IncidentSummary;
import io.incidentflow.summary.IncidentVisibility;
import io.incidentflow.summary.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incidents API for portals, chat bots and agents: report, read, list, comment, confirm. Bodies are
 * read as plain JSON objects so that every bad field is named at once, by the same checks the process
 * applies (see {@link IncidentIntake}); the records below describe them for the OpenAPI document.
 */
@RestController
@Tag(name = "Incidents", description = "Report incidents, follow them, answer their resolution")
public class IncidentController {

  static final String INCIDENTS = "/api/incidents";
  static final String INCIDENT = INCIDENTS + "/{incidentNumber}";
  private static final int MAX_PAGE_SIZE = 100;
  /** The longest search text: longer than any number, name, address or short description it can find. */
  private static final int MAX_QUERY = 254;

  private final IncidentIntake intake;
  private final IncidentDetails details;
  private final IncidentSummaries summaries;
  private final Commenting commenting;
  private final ResolutionConfirmation confirmation;
  private final IncidentVisibility visibility;

  public IncidentController(IncidentIntake intake, IncidentDetails details, IncidentSummaries summaries,
      Commenting commenting, ResolutionConfirmation confirmation, IncidentVisibility visibility) {
    this.intake = intake;
    this.details = details;
    this.summaries = summaries;
    this.commenting = commenting;
    this.confirmation = confirmation;
    this.visibility = visibility;
  }

  /** The body of a report: the reporting fields of DESIGN.md. */
  @Schema(description = "An incident report, as the ReportIncident form takes it")
  record IncidentReport(
      @Schema(maxLength = 160, requiredMode = Schema.RequiredMode.REQUIRED, example = "VPN drops every 10 minutes")
      String shortDescription,
      @Schema(maxLength = 4000, requiredMode = Schema.RequiredMode.REQUIRED) String description,
      @Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED, example = "Jane Doe") String callerName,
      @Schema(maxLength = 254, requiredMode = Schema.RequiredMode.REQUIRED, example = "jane.doe@example.com")
      String callerEmail,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"email", "vpn", "network", "erp", "crm",
          "website", "database", "workstation", "printing", "identity", "other"}) String affectedService,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"high", "medium", "low"}) String impact,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"high", "medium", "low"}) String urgency,
      @Schema(defaultValue = "portal", allowableValues = {"portal", "phone", "email", "chat", "monitoring"})
      String channel) {
  }

  /** The body of a comment. */
  record CommentRequest(
      @Schema(maxLength = IncidentComments.TEXT_MAX, requiredMode = Schema.RequiredMode.REQUIRED) String text,
      @Schema(defaultValue = "agent", allowableValues = {"caller", "agent"},
          description = "caller: the caller's words, which resume an incident on hold awaiting the caller;"
              + " agent: a message to the caller, mailed to the caller")
      String author) {
  }

  /** The body of a work note. */
  record NoteRequest(
      @Schema(maxLength = IncidentComments.TEXT_MAX, requiredMode = Schema.RequiredMode.REQUIRED) String text) {
  }

  /** The caller's answer to a resolution. */
  record ConfirmationRequest(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "true closes the incident, false reopens it")
      Boolean accepted,
      @Schema(maxLength = 2000) String comment) {
  }

  @Operation(summary = "Report an incident", description = "Categorized, prioritized and given its SLA due dates"
      + " before the answer. With an Idempotency-Key, a retry answers the incident of the first attempt.")
  @ApiResponse(responseCode = "201", description = "Reported; Location names it")
  @ApiResponse(responseCode = "400", description = "Bad fields", content = @Content(schema = @Schema(implementation = ApiError.class)))
  @PostMapping(path = INCIDENTS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<IncidentSummary> report(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = IncidentReport.class)))
      @RequestBody Map<String, Object> body,
      @Parameter(description = "Any unique text, e.g. a UUID: a retry with the same key and body answers the same incident")
      @RequestHeader(name = IncidentIntake.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireStaff(caller, "report incidents");
    IncidentIntake.Reported reported = intake.report(caller.userId(), body, idempotencyKey);
    return ResponseEntity.created(URI.create(INCIDENTS + "/" + reported.incident().incidentNumber()))
        .header("Idempotent-Replayed", String.valueOf(reported.replayed())).body(reported.incident());
  }

  @Operation(summary = "An incident with its SLA figures, resolutions and timeline", description = "For the"
      + " service desk, incident, problem and other managers, and the groups the incident has been assigned to.")
  @GetMapping(path = INCIDENT, produces = MediaType.APPLICATION_JSON_VALUE)
  public IncidentDetail incident(@PathVariable String incidentNumber, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireStaff(caller, "read incidents");
    visibility.requireRead(caller, incidentNumber);
    return details.of(incidentNumber);
  }

  @Operation(summary = "Incidents, newest first, one page at a time", description = "Each filter may be"
      + " repeated (status=NEW&status=ASSIGNED) and filters combine; q finds text in the number, the caller's"
      + " name or e-mail and the short description. A group's member sees the incidents assigned to the group;"
      + " the service desk and the managers see every one.")
  @GetMapping(path = INCIDENTS, produces = MediaType.APPLICATION_JSON_VALUE)
  public ListPage<IncidentSummary> incidents(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "status", required = false) List<String> status,
      @RequestParam(name = "priority", required = false) List<String> priority,
      @RequestParam(name = "assignmentGroup", required = false) List<String> assignmentGroup,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "20") int size,
      HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireStaff(caller, "list incidents");
    List<FieldError> faults = new ArrayList<>();
    if (q != null && q.strip().length() > MAX_QUERY) {
      faults.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters (was " + q.strip().length() + ")"));
    }
    List<String> statuses = values(status);
    List<String> statusNames = Arrays.stream(IncidentStatus.values()).map(Enum::name).toList();
    statuses.stream().filter(s -> !statusNames.contains(s)).findFirst().ifPresent(s -> faults.add(
        new FieldError("status", "must be one of " + String.join(", ", statusNames) + " (was '" + s + "')")));
    List<Integer> priorities = new ArrayList<>();
    for (String p : values(priority)) {
      if (p.matches("[1-5]")) {
        priorities.add(Integer.valueOf(p));
      } else {
        faults.add(new FieldError("priority", "must be 1 to 5 (was '" + p + "')"));
      }
    }
    List<String> groups = values(assignmentGroup);
    groups.stream().filter(g -> !CodeList.contains(SupportGroup.class, g)).findFirst().ifPresent(g -> faults.add(
        new FieldError("assignmentGroup", "must be one of " + String.join(", ", CodeList.values(SupportGroup.class))
            + " (was '" + g + "')")));
    faults.addAll(pageFaults(page, size));
    if (!faults.isEmpty()) {
      throw RequestRefusedException.badFields(faults);
    }
    return summaries.find(new IncidentSummaries.Filter(statuses, priorities, groups, q, visibility.listedFor(caller)),
        page, size);
  }

  @Operation(summary = "Comment on an incident", description = "For the service desk, incident managers and the"
      + " assignment group. A comment with author caller resumes an incident on hold awaiting the caller.")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @PostMapping(path = INCIDENT + "/comments", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Commenting.CommentAdded> comment(@PathVariable String incidentNumber,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommentRequest.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    Commenting.CommentAdded added = commenting.comment(ApiAuthentication.caller(request), incidentNumber, body);
    return ResponseEntity.status(HttpStatus.CREATED).body(added);
  }

  @Operation(summary = "Add a work note to an incident", description = "Internal to the staff, never mailed; for"
      + " the service desk, incident managers and the assignment group.")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @PostMapping(path = INCIDENT + "/notes", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Commenting.CommentAdded> note(@PathVariable String incidentNumber,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = NoteRequest.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    Commenting.CommentAdded added = commenting.note(ApiAuthentication.caller(request), incidentNumber, body);
    return ResponseEntity.status(HttpStatus.CREATED).body(added);
  }

  @Operation(summary = "Record the caller's answer to the resolution", description = "accepted closes the"
      + " incident, rejected reopens it to its group; 409 unless the incident is RESOLVED.")
  @PostMapping(path = INCIDENT + "/resolution-confirmation", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public IncidentSummary confirm(@PathVariable String incidentNumber,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ConfirmationRequest.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    return confirmation.confirm(ApiAuthentication.caller(request), incidentNumber, body);
  }

  /** What is wrong with a list's {@code page} (from 0) and {@code size} (1 to 100): nothing, or each field. */
  static List<FieldError> pageFaults(int page, int size) {
    List<FieldError> faults = new ArrayList<>();
    if (page < 0) {
      faults.add(new FieldError("page", "must be 0 or more (was " + page + ")"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      faults.add(new FieldError("size", "must be 1 to " + MAX_PAGE_SIZE + " (was " + size + ")"));
    }
    return faults;
  }

  /** The values of a repeatable parameter, which may also be given comma-separated. */
  static List<String> values(List<String> parameter) {
    return parameter == null ? List.of()
        : parameter.stream().flatMap(p -> Arrays.stream(p.split(","))).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }
}
