package io.incidentflow.api;

import io.incidentflow.identity.AccessSetup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds an incident's process instance by its number (the business key), running or ended. */
@Component
public class IncidentInstances {

  private final HistoryService history;

  public IncidentInstances(HistoryService history) {
    this.history = history;
  }

  /** The instance of incident {@code incidentNumber}: 400 for a malformed number, 404 when there is none. */
  public HistoricProcessInstance find(String incidentNumber) {
    ApiAccess.requireIncidentNumber(incidentNumber);
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(AccessSetup.PROCESS_KEY).processInstanceBusinessKey(incidentNumber).singleResult();
    if (instance == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "No incident " + incidentNumber);
    }
    return instance;
  }
}
