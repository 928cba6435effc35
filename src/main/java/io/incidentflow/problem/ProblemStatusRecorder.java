package io.incidentflow.problem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a problem's status: the variable {@code problemStatus} (Cockpit, forms) and its row in
 * {@code problem_record} (the list, the recurrence check), both in the step's transaction. The model calls it
 * from execution listeners: {@code ${problemStatusRecorder.set(execution, 'OPEN')}}.
 */
@Component("problemStatusRecorder")
public class ProblemStatusRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemStatusRecorder.class);

  private final ProblemRecords records;

  public ProblemStatusRecorder(ProblemRecords records) {
    this.records = records;
  }

  /** Sets the status; {@code status} must name a {@link ProblemStatus}. */
  public void set(DelegateExecution execution, String status) {
    ProblemStatus to = ProblemStatus.valueOf(status);
    execution.setVariable(ProblemVariables.PROBLEM_STATUS, to.name());
    records.status(execution.getProcessBusinessKey(), to);
    LOG.info("{}: status {}", execution.getProcessBusinessKey(), to);
  }
}
