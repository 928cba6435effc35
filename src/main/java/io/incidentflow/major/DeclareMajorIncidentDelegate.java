package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.DECLARED_AT;
import static io.incidentflow.major.MajorIncidentVariables.DECLARED_BY;
import static io.incidentflow.major.MajorIncidentVariables.INCIDENT_COMMANDER;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_ORIGIN;
import static io.incidentflow.major.MajorIncidentVariables.MAJOR_STATUS;
import static io.incidentflow.major.MajorIncidentVariables.RAISED_BY;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.major.MajorIncidentVariables.MajorStatus;
import io.incidentflow.major.MajorIncidentVariables.Origin;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_DeclareMajorIncident}: declared now, by the manager who accepted the proposal, the rule or the promoter. */
@Component("declareMajorIncidentDelegate")
public class DeclareMajorIncidentDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    boolean accepted = Origin.PROPOSED.value().equals(execution.getVariable(MAJOR_ORIGIN));
    execution.setVariable(MAJOR_STATUS, MajorStatus.DECLARED.value());
    execution.setVariable(DECLARED_AT, Date.from(EngineClock.now()));
    execution.setVariable(DECLARED_BY, accepted ? execution.getVariable(INCIDENT_COMMANDER)
        : execution.getVariable(RAISED_BY));
  }
}
