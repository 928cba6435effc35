package io.incidentflow.api;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.incident.SupportGroups;
import io.incidentflow.major.MajorIncidentDesk;
import io.incidentflow.major.MajorIncidentView;
import io.incidentflow.major.PostIncidentReview;
import io.incidentflow.major.PostIncidentReviewDocument;
import io.incidentflow.summary.IncidentVisibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Major incidents by the number of the incident they were declared from: read one (its roles, their changes, its
 * linked incidents, its cadence), promote an incident by hand, hand roles over and engage groups, link and unlink
 * incidents, and read its post-incident review (JSON or HTML). Reading follows the incident's read rule.
 */
@RestController
@Tag(name = "Major incidents", description = "Declare by hand, run by roles, link incidents, read the review")
public class MajorIncidentController {

  static final String MAJOR = IncidentController.INCIDENT + "/major";
  static final String REVIEW = IncidentController.INCIDENT + "/post-incident-review";

  private final MajorIncidentDesk desk;
  private final IncidentVisibility visibility;
  private final PostIncidentReviewDocument document;

  public MajorIncidentController(MajorIncidentDesk desk, IncidentVisibility visibility,
      PostIncidentReviewDocument document) {
    this.desk = desk;
    this.visibility = visibility;
    this.document = document;
  }

  /** The body of a promotion. */
  record Promotion(@Schema(maxLength = 2000, requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
  }

  /** The body of a role change: any of the three, with a reason. */
  record RoleChangeRequest(
      @Schema(description = "an incident manager's user id") String incidentCommander,
      @Schema(description = "a user id") String communicationsLead,
      @Schema(description = "groups to engage in addition") List<String> engagedGroups,
      @Schema(maxLength = 2000) String reason) {
  }

  /** The body of a link. */
  record LinkRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "INC0001043") String incidentNumber) {
  }

  @Operation(summary = "The major incident declared from an incident: status, roles and their changes, linked"
      + " incidents, cadence, review")
  @GetMapping(path = MAJOR, produces = MediaType.APPLICATION_JSON_VALUE)
  public MajorIncidentView read(@PathVariable String incidentNumber, HttpServletRequest request) {
    visibility.requireRead(ApiAuthentication.caller(request), incidentNumber);
    return desk.view(incidentNumber);
  }

  @Operation(summary = "The incident of an open task (an incident's or a major incident's) and its major incident",
      description = "major is null when the incident is no major incident; 404 for no such open task; 403 unless the"
          + " caller may read the incident. For the Major incident tab in Tasklist.")
  @GetMapping(path = "/api/tasks/{taskId}/major", produces = MediaType.APPLICATION_JSON_VALUE)
  public MajorIncidentDesk.OfTask ofTask(@PathVariable String taskId, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    TaskIncidentController.requireTaskId(taskId);
    if (!caller.isMemberOfAny(SupportGroups.STAFF)) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN, "Major incidents are for the staff");
    }
    MajorIncidentDesk.OfTask found = desk.ofTask(taskId);
    visibility.requireRead(caller, found.incidentNumber());
    return found;
  }

  @Operation(summary = "Promote an incident to a major incident by hand (service desk, incident managers)")
  @PostMapping(path = MAJOR, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<MajorIncidentView> promote(@PathVariable String incidentNumber,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Promotion.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    MajorIncidentView view = desk.promote(ApiAuthentication.caller(request), incidentNumber, body);
    return ResponseEntity.created(URI.create(MAJOR.replace("{incidentNumber}", incidentNumber))).body(view);
  }

  @Operation(summary = "Hand roles over and engage more groups (incident managers)")
  @PutMapping(path = MAJOR + "/roles", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public MajorIncidentView changeRoles(@PathVariable String incidentNumber,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RoleChangeRequest.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    return desk.changeRoles(ApiAuthentication.caller(request), incidentNumber, body);
  }

  @Operation(summary = "Link an incident to the major incident as a child (service desk, incident managers)")
  @PostMapping(path = MAJOR + "/children", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public MajorIncidentView link(@PathVariable String incidentNumber,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = LinkRequest.class)))
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    return desk.link(ApiAuthentication.caller(request), incidentNumber, body);
  }

  @Operation(summary = "Unlink a child incident from the major incident (service desk, incident managers)")
  @DeleteMapping(path = MAJOR + "/children/{childNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  public MajorIncidentView unlink(@PathVariable String incidentNumber, @PathVariable String childNumber,
      HttpServletRequest request) {
    return desk.unlink(ApiAuthentication.caller(request), incidentNumber, childNumber);
  }

  @Operation(summary = "The post-incident review as an HTML document")
  @GetMapping(path = REVIEW, produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> reviewHtml(@PathVariable String incidentNumber, HttpServletRequest request) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(document.html(review(incidentNumber, request)));
  }

  @Operation(summary = "The post-incident review as JSON")
  @GetMapping(path = REVIEW, produces = MediaType.APPLICATION_JSON_VALUE)
  public PostIncidentReview reviewJson(@PathVariable String incidentNumber, HttpServletRequest request) {
    return review(incidentNumber, request);
  }

  /** For the staff, as closure records are, and only of an incident the caller may read. */
  private PostIncidentReview review(String incidentNumber, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    if (!caller.isMemberOfAny(SupportGroups.STAFF)) {
      throw new RequestRefusedException(HttpStatus.FORBIDDEN,
          "Post-incident reviews are for the service-desk staff: your user is in none of its groups");
    }
    visibility.requireRead(caller, incidentNumber);
    return desk.review(incidentNumber);
  }
}
