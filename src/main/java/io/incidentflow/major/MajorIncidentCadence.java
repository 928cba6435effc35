package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.DECLARED_AT;
import static io.incidentflow.major.MajorIncidentVariables.MINUTES_SINCE_DECLARATION;
import static io.incidentflow.major.MajorIncidentVariables.UPDATES_POSTED;
import static io.incidentflow.major.MajorIncidentVariables.UPDATE_DUE;
import static io.incidentflow.major.MajorIncidentVariables.UPDATE_INTERVAL;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The stakeholder update cadence around {@code Task_DetermineUpdateCadence}: what CommunicationCadence is asked
 * (updates posted so far, minutes since the declaration) and, on the way to Task_PostStakeholderUpdate, when its answer makes the update due.
 */
@Component("majorIncidentCadence")
public class MajorIncidentCadence {

  /** Before the decision: its inputs. */
  public void measure(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    execution.setVariable(UPDATES_POSTED, (int) incident.count(UPDATES_POSTED));
    Instant declared = incident.instant(DECLARED_AT);
    execution.setVariable(MINUTES_SINCE_DECLARATION,
        declared == null ? 0 : (int) Duration.between(declared, EngineClock.now()).toMinutes());
  }

  /** On the flow from the decision to the update task (the task and its overdue timer read it): the next update is due {@code updateInterval} from now. */
  public void schedule(DelegateExecution execution) {
    Duration interval = Duration.parse((String) execution.getVariable(UPDATE_INTERVAL));
    execution.setVariable(UPDATE_DUE, Date.from(EngineClock.now().plus(interval)));
  }
}
