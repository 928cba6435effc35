package io.incidentflow.incident;

import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.ON_HOLD_REASON;
import static io.incidentflow.incident.IncidentVariables.STATUS;

import io.incidentflow.incident.Codes.OnHoldReason;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** What an action on an incident needs to know of it: where it stands, whose it is, whether it still runs. */
public record IncidentState(String number, String processInstanceId, boolean running, Map<String, Object> variables) {

  /** The variables an {@link IncidentState} holds. */
  static final List<String> VARIABLES = List.of(STATUS, ON_HOLD_REASON, ASSIGNMENT_GROUP);

  public String status() {
    return IncidentData.of(variables).text(STATUS);
  }

  public Object assignmentGroup() {
    return variables.get(ASSIGNMENT_GROUP);
  }

  /** On hold, waiting for the caller's answer. */
  public boolean awaitsCaller() {
    return IncidentStatus.ON_HOLD.name().equals(status())
        && OnHoldReason.AWAITING_CALLER.value().equals(variables.get(ON_HOLD_REASON));
  }

  /** 409 for a closed or canceled incident: done with, even while a last notification still waits to be sent. */
  public void requireOpen(String what) {
    if (!running || IncidentStatus.CLOSED.name().equals(status()) || IncidentStatus.CANCELED.name().equals(status())) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, number + " is " + status() + " and " + what);
    }
  }

  /** 409 unless the incident waits for the caller's answer to its resolution. */
  public void requireResolved() {
    if (!running || !IncidentStatus.RESOLVED.name().equals(status())) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, number + " is " + status() + ", not RESOLVED: there is no"
          + " resolution to confirm or reject");
    }
  }
}
