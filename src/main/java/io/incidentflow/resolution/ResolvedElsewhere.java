package io.incidentflow.resolution;

import static io.incidentflow.incident.IncidentVariables.INVESTIGATION_OUTCOME;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_CODE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_NOTES;
import static io.incidentflow.incident.IncidentVariables.RESOLVED_THROUGH;
import static io.incidentflow.incident.IncidentVariables.TRIAGE_DECISION;

import io.incidentflow.comment.Commenting;
import io.incidentflow.incident.Codes.InvestigationOutcome;
import io.incidentflow.incident.Codes.TriageDecision;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentSteps;
import io.incidentflow.incident.RequestRefusedException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Resolves an open incident because something outside it was resolved: the major incident it belongs to, or
 * the problem behind it. It completes the incident's current step as an agent would (triage resolves at first
 * contact, an investigation ends resolved, an incident on hold first resumes), so the model does what it does
 * for every resolution: the resolution clock stops, the caller is mailed and still confirms, the group hears of
 * a rejection. The incident records what resolved it in {@code resolvedThrough}.
 *
 * <p>The step is completed for the process, not for the person whose action caused it: a problem manager
 * resolves the incidents of every group. Whoever calls checks first that the caller may resolve the cause.
 */
@Service
public class ResolvedElsewhere {

  static final String TRIAGE = "Task_TriageIncident";
  static final String INVESTIGATION = "Task_InvestigateIncident";
  private static final Logger LOG = LoggerFactory.getLogger(ResolvedElsewhere.class);

  private final IncidentInstances instances;
  private final IncidentSteps steps;

  public ResolvedElsewhere(IncidentInstances instances, IncidentSteps steps) {
    this.instances = instances;
    this.steps = steps;
  }

  /**
   * What became of one incident: {@code resolved} when this call resolved it; otherwise it was already
   * resolved, closed or canceled ({@code statusBefore} says which) and is left as it was.
   */
  public record Outcome(String incidentNumber, String statusBefore, boolean resolved) {
  }

  /**
   * Resolves incident {@code incidentNumber} with {@code resolutionCode} and {@code resolutionNotes} (checked
   * as the forms check them: 400 naming the field), recording {@code resolvedThrough}, the number of what
   * resolved it ({@code INC...} or {@code PRB...}). In a transaction of its own, tried again when a job of the
   * incident changes it at the same moment; inside a running engine command (a delegate), in that command.
   */
  public Outcome resolve(String incidentNumber, String resolutionCode, String resolutionNotes,
      String resolvedThrough) {
    IncidentNumbers.require(incidentNumber);
    if (resolvedThrough == null || resolvedThrough.isBlank()) {
      throw RequestRefusedException.badField(RESOLVED_THROUGH, "must name what resolved " + incidentNumber);
    }
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      return command.runWithoutAuthorization(() -> resolveNow(incidentNumber, resolutionCode, resolutionNotes,
          resolvedThrough));
    }
    return steps.inTransaction(incidentNumber, () -> resolveNow(incidentNumber, resolutionCode, resolutionNotes,
        resolvedThrough));
  }

  private Outcome resolveNow(String incidentNumber, String code, String notes, String resolvedThrough) {
    IncidentState incident = instances.state(incidentNumber);
    String status = incident.status();
    if (status == null) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, incidentNumber + " is still being registered");
    }
    if (!incident.running() || !IncidentStatus.valueOf(status).isOpen()) {
      return new Outcome(incidentNumber, status, false);
    }
    Map<String, Object> resolution = Map.of(RESOLUTION_CODE, code == null ? "" : code,
        RESOLUTION_NOTES, notes == null ? "" : notes, RESOLVED_THROUGH, resolvedThrough);
    switch (IncidentStatus.valueOf(status)) {
      case NEW -> steps.complete(incident, TRIAGE, with(resolution, TRIAGE_DECISION, TriageDecision.RESOLVE.value()));
      case ON_HOLD -> {
        steps.complete(incident, Commenting.AWAIT_INFORMATION, Map.of());
        steps.complete(incident, INVESTIGATION, investigated(resolution));
      }
      default -> steps.complete(incident, INVESTIGATION, investigated(resolution));
    }
    LOG.info("{} resolved through {} ({})", incidentNumber, resolvedThrough, code);
    return new Outcome(incidentNumber, status, true);
  }

  private static Map<String, Object> investigated(Map<String, Object> resolution) {
    return with(resolution, INVESTIGATION_OUTCOME, InvestigationOutcome.RESOLVED.value());
  }

  private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put(name, value);
    return all;
  }
}
