package io.incidentflow.problem;

import static io.incidentflow.problem.ProblemVariables.CHANGE_REFERENCE;
import static io.incidentflow.problem.ProblemVariables.FIX_DESCRIPTION;

import io.incidentflow.incident.Codes.ResolutionCode;
import io.incidentflow.knowledge.KnowledgeArticles;
import io.incidentflow.resolution.ResolvedElsewhere;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ResolveIncidentsByProblem}: the fix is applied. Every linked open incident is resolved "by problem"
 * through its own model ({@link ResolvedElsewhere}: the clock stops, the caller is mailed and confirms), and
 * the known error retires. A job of its own with the retry cycle: one incident's trouble is retried, not lost.
 */
@Component("resolveIncidentsByProblemDelegate")
public class ResolveIncidentsByProblemDelegate implements JavaDelegate {

  private final ProblemRecords records;
  private final ResolvedElsewhere resolvedElsewhere;
  private final KnowledgeArticles articles;

  public ResolveIncidentsByProblemDelegate(ProblemRecords records, ResolvedElsewhere resolvedElsewhere,
      KnowledgeArticles articles) {
    this.records = records;
    this.resolvedElsewhere = resolvedElsewhere;
    this.articles = articles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String problemNumber = execution.getProcessBusinessKey();
    String notes = "Fixed by problem " + problemNumber + " (change " + execution.getVariable(CHANGE_REFERENCE) + "): "
        + execution.getVariable(FIX_DESCRIPTION);
    for (String incident : records.incidents(problemNumber)) {
      resolvedElsewhere.resolve(incident, ResolutionCode.FIXED.value(), notes, problemNumber);
    }
    articles.retireKnownError(problemNumber);
  }
}
