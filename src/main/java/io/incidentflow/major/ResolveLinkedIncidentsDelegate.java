package io.incidentflow.major;

import static io.incidentflow.incident.IncidentVariables.RESOLUTION_CODE;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_NOTES;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_STATUS;

import io.incidentflow.major.MajorIncidentVariables.MajorStatus;
import io.incidentflow.resolution.ResolvedElsewhere;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ResolveLinkedIncidents}: every linked incident that ParentChildSync copies the resolution to is resolved
 * with the major incident's resolution, through its own model (its caller confirms, its clock stops).
 */
@Component("resolveLinkedIncidentsDelegate")
public class ResolveLinkedIncidentsDelegate implements JavaDelegate {

  private final ParentChildSync sync;
  private final ResolvedElsewhere resolvedElsewhere;

  public ResolveLinkedIncidentsDelegate(ParentChildSync sync, ResolvedElsewhere resolvedElsewhere) {
    this.sync = sync;
    this.resolvedElsewhere = resolvedElsewhere;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parent = execution.getProcessBusinessKey();
    execution.setVariable(MAJOR_STATUS, MajorStatus.RESOLVED.value());
    String code = (String) execution.getVariable(RESOLUTION_CODE);
    String notes = "Resolved with major incident " + parent + ": " + execution.getVariable(RESOLUTION_NOTES);
    for (String child : sync.childrenFor(parent, ParentChildSync.RESOLUTION)) {
      resolvedElsewhere.resolve(child, code, notes.length() > 4000 ? notes.substring(0, 4000) : notes, parent);
    }
  }
}
