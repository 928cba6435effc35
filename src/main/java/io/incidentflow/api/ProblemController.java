package io.incidentflow.api;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentVariables;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.incident.SupportGroups;
import io.incidentflow.problem.ProblemDetail;
import io.incidentflow.problem.ProblemRaising;
import io.incidentflow.problem.ProblemRecords.ProblemRow;
import io.incidentflow.problem.ProblemSource;
import io.incidentflow.problem.ProblemStatus;
import io.incidentflow.problem.ProblemVariables;
import io.incidentflow.problem.Problems;
import io.incidentflow.summary.ListPage;
import io.swagger.v3.oas.annotations.Operation;
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
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problems: raise one with the incidents it covers, read them, link more incidents. The staff read problems;
 * raising and linking is for the groups that work incidents and problems (the service desk, the support groups,
 * incident and problem managers), not for managers or process owners, who watch.
 */
@RestController
@Tag(name = "Problems", description = "Raise problems behind incidents, follow them, link incidents")
public class ProblemController {

  static final String PROBLEMS = "/api/problems";
  static final String PROBLEM = PROBLEMS + "/{problemNumber}";
  /** Who raises problems and links incidents to them. */
  static final List<String> WORKERS;

  static {
    List<String> workers = new ArrayList<>(SupportGroups.ALL);
    workers.removeAll(List.of(SupportGroups.MANAGERS, SupportGroups.PROCESS_OWNERS));
    workers.add(Groups.CAMUNDA_ADMIN);
    WORKERS = List.copyOf(workers);
  }

  private final ProblemRaising raising;
  private final Problems problems;

  public ProblemController(ProblemRaising raising, Problems problems) {
    this.raising = raising;
    this.problems = problems;
  }

  /** The body of a new problem. */
  @Schema(description = "A problem raised by hand: it goes straight to investigation")
  record ProblemRequest(
      @Schema(maxLength = ProblemRaising.SHORT_DESCRIPTION_MAX, requiredMode = Schema.RequiredMode.REQUIRED,
          example = "VPN tunnel drops every hour for home workers") String shortDescription,
      @Schema(maxLength = ProblemRaising.DESCRIPTION_MAX, requiredMode = Schema.RequiredMode.REQUIRED) String description,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"email", "vpn", "network", "erp", "crm",
          "website", "database", "workstation", "printing", "identity", "other"}) String affectedService,
      @Schema(description = "The open incidents the problem covers", example = "[\"INC0000042\"]")
      List<String> incidentNumbers) {
  }

  /** The body of a link. */
  record LinkRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "INC0000042") String incidentNumber) {
  }

  @Operation(summary = "Raise a problem", description = "Starts problem management with the incidents linked;"
      + " 404 for an unknown incident, 409 for one closed or linked to another open problem.")
  @ApiResponse(responseCode = "201", description = "Raised; Location names it")
  @ApiResponse(responseCode = "400", description = "Bad fields", content = @Content(schema = @Schema(implementation = ApiError.class)))
  @PostMapping(path = PROBLEMS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ProblemDetail> raise(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ProblemRequest.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.require(caller, WORKERS, "raise problems");
    String number = raising.raise(text(body, IncidentVariables.SHORT_DESCRIPTION), text(body, IncidentVariables.DESCRIPTION),
        text(body, IncidentVariables.AFFECTED_SERVICE), incidentNumbers(body.get("incidentNumbers")), caller.userId(),
        ProblemSource.API.value());
    return ResponseEntity.created(URI.create(PROBLEMS + "/" + number)).body(problems.detail(number));
  }

  @Operation(summary = "A problem with its linked incidents, root cause, workaround and fix")
  @GetMapping(path = PROBLEM, produces = MediaType.APPLICATION_JSON_VALUE)
  public ProblemDetail problem(@PathVariable String problemNumber, HttpServletRequest request) {
    IncidentAccess.requireStaff(ApiAuthentication.caller(request), "read problems");
    return problems.detail(problemNumber);
  }

  @Operation(summary = "Problems, newest first, one page at a time", description = "status filters by"
      + " PROPOSED, OPEN, KNOWN_ERROR, CLOSED or REJECTED.")
  @GetMapping(path = PROBLEMS, produces = MediaType.APPLICATION_JSON_VALUE)
  public ListPage<ProblemRow> problems(@RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "20") int size,
      HttpServletRequest request) {
    IncidentAccess.requireStaff(ApiAuthentication.caller(request), "list problems");
    List<FieldError> faults = new ArrayList<>(IncidentController.pageFaults(page, size));
    List<String> statuses = Arrays.stream(ProblemStatus.values()).map(Enum::name).toList();
    if (status != null && !statuses.contains(status)) {
      faults.add(new FieldError("status", "must be one of " + String.join(", ", statuses) + " (was '" + status + "')"));
    }
    if (!faults.isEmpty()) {
      throw RequestRefusedException.badFields(faults);
    }
    return new ListPage<>(problems.list(status, page, size), page, size, problems.count(status));
  }

  @Operation(summary = "Link an incident to a problem", description = "The incident's problemNumber names the"
      + " problem; a known error's workaround is added to it as a work note. 409 for a problem closed or rejected,"
      + " or an incident closed or linked to another open problem.")
  @PostMapping(path = PROBLEM + "/incidents", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ProblemDetail link(@PathVariable String problemNumber,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = LinkRequest.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.require(caller, WORKERS, "link incidents to problems");
    String incidentNumber = text(body, IncidentVariables.INCIDENT_NUMBER);
    if (incidentNumber == null) {
      throw RequestRefusedException.badField(IncidentVariables.INCIDENT_NUMBER, "is required");
    }
    return problems.link(problemNumber, incidentNumber, caller.userId());
  }

  /** A text field, or null; 400 naming it when it is no text. */
  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value != null && !(value instanceof String)) {
      throw RequestRefusedException.badField(field, "must be text");
    }
    return (String) value;
  }

  private static List<String> incidentNumbers(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
      throw RequestRefusedException.badField(ProblemVariables.INCIDENT_NUMBERS, "must be a list of incident numbers");
    }
    return list.stream().map(String.class::cast).toList();
  }
}
