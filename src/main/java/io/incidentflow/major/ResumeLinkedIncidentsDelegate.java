package io.incidentflow.major;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ResumeLinkedIncidents}: the incident the major incident was declared from resumed; every linked
 * incident its hold put on hold resumes through its own model. A child on a hold of its own keeps waiting.
 */
@Component("resumeLinkedIncidentsDelegate")
public class ResumeLinkedIncidentsDelegate implements JavaDelegate {

  private final MajorIncidentChildren children;
  private final ParentHolds holds;

  public ResumeLinkedIncidentsDelegate(MajorIncidentChildren children, ParentHolds holds) {
    this.children = children;
    this.holds = holds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parent = execution.getProcessBusinessKey();
    String by = HoldLinkedIncidentsDelegate.commander(execution);
    for (String child : children.linked(parent)) {
      holds.resume(child, parent, by);
    }
  }
}
