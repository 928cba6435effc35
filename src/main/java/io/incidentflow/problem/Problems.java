package io.incidentflow.problem;

import static io.incidentflow.incident.IncidentVariables.DESCRIPTION;
import static io.incidentflow.problem.ProblemVariables.*;

import io.incidentflow.incident.HistoricVariables;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.problem.ProblemRecords.ProblemRow;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads problems by number and links incidents to an open one: what the API does with problems. */
@Service
public class Problems {

  private final ProblemRecords records;
  private final ProblemLinks links;
  private final HistoryService history;
  private final RuntimeService runtime;

  public Problems(ProblemRecords records, ProblemLinks links, HistoryService history, RuntimeService runtime) {
    this.records = records;
    this.links = links;
    this.history = history;
    this.runtime = runtime;
  }

  /** Problem {@code problemNumber}: 400 for a malformed number, 404 when there is none. */
  public ProblemDetail detail(String problemNumber) {
    ProblemRow row = row(problemNumber);
    Map<String, Object> variables = HistoricVariables.of(history, instance(problemNumber).getId());
    return new ProblemDetail(row.problemNumber(), row.shortDescription(), (String) variables.get(DESCRIPTION),
        row.affectedService(), row.category(), row.status(), row.source(), row.raisedBy(), row.raisedAt(),
        row.closedAt(), records.incidents(problemNumber), (String) variables.get(ROOT_CAUSE),
        (String) variables.get(SYMPTOM), (String) variables.get(WORKAROUND), (String) variables.get(FIX_DESCRIPTION),
        (String) variables.get(CHANGE_REFERENCE), (String) variables.get(REVIEW_COMMENT));
  }

  /**
   * Links incident {@code incidentNumber} to the open problem {@code problemNumber} for {@code linkedBy}: 404 for
   * an unknown problem or incident, 409 for a problem closed or rejected, or an incident closed or linked
   * elsewhere.
   */
  @Transactional
  public ProblemDetail link(String problemNumber, String incidentNumber, String linkedBy) {
    ProblemRow row = row(problemNumber);
    if (!ProblemStatus.valueOf(row.status()).isOpen()) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, problemNumber + " is " + row.status()
          + " and takes no more incidents");
    }
    links.link(problemNumber, incidentNumber, linkedBy);
    runtime.setVariable(instance(problemNumber).getId(), INCIDENT_NUMBERS,
        String.join(", ", records.incidents(problemNumber)));
    return detail(problemNumber);
  }

  /** Problems, newest first; {@code status} (a {@link ProblemStatus} name) or all. */
  public List<ProblemRow> list(String status, int page, int size) {
    return records.list(status, page, size);
  }

  /** How many problems {@link #list} pages through. */
  public long count(String status) {
    return records.count(status);
  }

  private ProblemRow row(String problemNumber) {
    ProblemNumbers.require(PROBLEM_NUMBER, problemNumber);
    return records.find(problemNumber)
        .orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, "No problem " + problemNumber));
  }

  private HistoricProcessInstance instance(String problemNumber) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProblemProcess.KEY)
        .processInstanceBusinessKey(problemNumber).singleResult();
  }
}
