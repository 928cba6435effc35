package io.incidentflow.incident;

import static io.incidentflow.incident.IncidentVariables.ESCALATION_LEVEL;
import static io.incidentflow.incident.IncidentVariables.PRIORITY_LABEL;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every user task of an incident: a name that tells the agent what it is about at a glance
 * ({@code INC0001042 · P1 Critical · Mail server down · Investigate incident}). (The model gives each task
 * the priority IncidentPriority decided, {@code taskPriority}, so that Tasklist lists P1 on top, and the
 * incident's {@code resolutionDue} as its due date.) Once an SLA escalation has raised the incident ({@code escalationLevel} above 0),
 * incident-managers are candidates of every task, as of the one open when it was raised.
 */
@Component("incidentTaskListener")
public class IncidentTaskListener implements TaskListener {

  /** The task name column of the engine holds 255 characters. */
  static final int MAX_NAME = 255;

  @Override
  public void notify(DelegateTask task) {
    IncidentData incident = IncidentData.of(task);
    Integer priority = incident.priority();
    String activity = task.getName();
    String name = String.join(" · ", String.valueOf(incident.number()),
        "P" + priority + " " + incident.text(PRIORITY_LABEL), String.valueOf(incident.text(SHORT_DESCRIPTION)));
    int room = MAX_NAME - activity.length() - 3;
    if (name.length() > room) {
      name = name.substring(0, room - 1) + "…";
    }
    task.setName(name + " · " + activity);
    if (incident.count(ESCALATION_LEVEL) > 0) {
      task.addCandidateGroup(SupportGroups.INCIDENT_MANAGERS);
    }
  }
}
