package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.ENGAGED_GROUPS;
import static io.incidentflow.major.MajorIncidentVariables.INCIDENT_COMMANDER;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EngageGroups}: each group the commander named is engaged (a mail and a Restore service task). */
@Component("engageGroupsDelegate")
public class EngageGroupsDelegate implements JavaDelegate {

  private final MajorIncidents majorIncidents;

  public EngageGroupsDelegate(MajorIncidents majorIncidents) {
    this.majorIncidents = majorIncidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String by = (String) execution.getVariable(INCIDENT_COMMANDER);
    Arrays.stream(((String) execution.getVariable(ENGAGED_GROUPS)).split(",")).map(String::strip)
        .filter(group -> !group.isEmpty())
        .forEach(group -> majorIncidents.engage(execution.getProcessBusinessKey(), group,
            by == null ? MajorIncidentStaff.commanders() : by));
  }
}
