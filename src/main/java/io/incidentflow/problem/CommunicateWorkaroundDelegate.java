package io.incidentflow.problem;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.problem.ProblemVariables.*;

import io.incidentflow.comment.Commenting;
import io.incidentflow.knowledge.KnowledgeArticles;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CommunicateWorkaround}: the problem becomes a known error (symptom, cause, workaround,
 * services) and every linked open incident gets the workaround as a work note; with {@code notifyCallers} as
 * a message to its caller instead, mailed through the notification path (sent after commit). Runs as a job
 * of its own (asynchronous, with the retry cycle): publishing never fails the problem manager's form.
 */
@Component("communicateWorkaroundDelegate")
public class CommunicateWorkaroundDelegate implements JavaDelegate {

  private final KnowledgeArticles articles;
  private final ProblemRecords records;
  private final Commenting commenting;

  public CommunicateWorkaroundDelegate(KnowledgeArticles articles, ProblemRecords records, Commenting commenting) {
    this.articles = articles;
    this.records = records;
    this.commenting = commenting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String problemNumber = execution.getProcessBusinessKey();
    String manager = (String) execution.getVariable(PROBLEM_MANAGER);
    String by = manager == null ? problemNumber : manager;
    List<String> services = new ArrayList<>();
    if (execution.getVariable(AFFECTED_SERVICE) instanceof String service) {
      services.add(service);
    }
    articles.publishKnownError(problemNumber, (String) execution.getVariable(SHORT_DESCRIPTION),
        (String) execution.getVariable(SYMPTOM), (String) execution.getVariable(ROOT_CAUSE),
        (String) execution.getVariable(WORKAROUND), services, (String) execution.getVariable(CATEGORY), by);
    boolean mail = Boolean.TRUE.equals(execution.getVariable(NOTIFY_CALLERS));
    String text = ProblemLinks.workaroundNote(articles.activeKnownError(problemNumber).orElseThrow());
    for (String incident : records.incidents(problemNumber)) {
      commenting.fromProcess(incident, by, text, mail);
    }
  }
}
