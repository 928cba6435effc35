package io.incidentflow.api;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.summary.IncidentCards.IncidentCard;
import io.incidentflow.summary.IncidentCards;
import io.incidentflow.summary.IncidentVisibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident behind a Tasklist task, for the incident workspace in Tasklist (the record beside the task,
 * the SLA on its card): Tasklist knows a task by its id, the API an incident by its number.
 */
@RestController
@Tag(name = "Tasklist", description = "The incident behind a task, for the incident workspace in Tasklist")
public class TaskIncidentController {

  private final IncidentCards cards;
  private final IncidentVisibility visibility;

  public TaskIncidentController(IncidentCards cards, IncidentVisibility visibility) {
    this.cards = cards;
    this.visibility = visibility;
  }

  @Operation(summary = "The incident of an open task: number, priority, status and SLA standing",
      description = "404 for no such open task; 403 unless the caller may read the incident.")
  @GetMapping(path = "/api/tasks/{taskId}/incident", produces = MediaType.APPLICATION_JSON_VALUE)
  public IncidentCard incidentOf(@PathVariable String taskId, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireStaff(caller, "read incidents");
    requireTaskId(taskId);
    IncidentCard card = cards.ofTask(taskId);
    visibility.requireRead(caller, card.incidentNumber());
    return card;
  }

  /** 400 unless {@code taskId} has the form of an engine task id. */
  static void requireTaskId(String taskId) {
    if (taskId.length() > 64 || !taskId.matches("[A-Za-z0-9:._-]+")) {
      throw RequestRefusedException.badField("taskId",
          "must be a task id of up to 64 letters, digits and : . _ - (was '" + taskId + "')");
    }
  }
}
