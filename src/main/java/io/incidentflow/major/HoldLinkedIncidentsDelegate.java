package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.INCIDENT_COMMANDER;
import static io.incidentflow.major.MajorIncidentVariables.PARENT_ON_HOLD_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_HoldLinkedIncidents}: the incident the major incident was declared from went on hold; every linked
 * incident that ParentChildSync copies the hold to (by its status and the parent's {@code parentOnHoldReason}) is
 * put on hold with the same reason, through its own model.
 */
@Component("holdLinkedIncidentsDelegate")
public class HoldLinkedIncidentsDelegate implements JavaDelegate {

  private final ParentChildSync sync;
  private final ParentHolds holds;

  public HoldLinkedIncidentsDelegate(ParentChildSync sync, ParentHolds holds) {
    this.sync = sync;
    this.holds = holds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parent = execution.getProcessBusinessKey();
    String reason = (String) execution.getVariable(PARENT_ON_HOLD_REASON);
    String by = commander(execution);
    for (String child : sync.childrenFor(parent, ParentChildSync.HOLD, reason)) {
      holds.hold(child, parent, reason, by);
    }
  }

  /** Who the children's work notes are written by: the incident commander, or the incident managers. */
  static String commander(DelegateExecution execution) {
    Object commander = execution.getVariable(INCIDENT_COMMANDER);
    return commander == null ? MajorIncidentStaff.commanders() : (String) commander;
  }
}
