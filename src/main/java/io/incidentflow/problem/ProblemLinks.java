package io.incidentflow.problem;

import static io.incidentflow.problem.ProblemVariables.PROBLEM_NUMBER;

import io.incidentflow.comment.Commenting;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.knowledge.KnowledgeArticle;
import io.incidentflow.knowledge.KnowledgeArticles;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Links incidents to problems: the incident's variable {@code problemNumber} and a row in
 * {@code problem_incident}. An incident belongs to one open problem at a time; linked to a problem that is a
 * known error already, it gets the workaround as a work note at once.
 */
@Service
public class ProblemLinks {

  private final IncidentInstances instances;
  private final RuntimeService runtime;
  private final ProblemRecords records;
  private final KnowledgeArticles articles;
  private final Commenting commenting;

  public ProblemLinks(IncidentInstances instances, RuntimeService runtime, ProblemRecords records,
      KnowledgeArticles articles, Commenting commenting) {
    this.instances = instances;
    this.runtime = runtime;
    this.records = records;
    this.articles = articles;
    this.commenting = commenting;
  }

  /**
   * Links incident {@code incidentNumber} to problem {@code problemNumber} for {@code linkedBy}: 400 for a
   * malformed number, 404 when there is no such incident, 409 when it is closed or canceled or belongs to another
   * open problem. Linking it again changes nothing.
   */
  public void link(String problemNumber, String incidentNumber, String linkedBy) {
    IncidentState incident = instances.state(incidentNumber);
    incident.requireOpen("cannot be linked to a problem");
    Object current = AsProcess.call(() -> runtime.getVariable(incident.processInstanceId(), PROBLEM_NUMBER));
    if (problemNumber.equals(current)) {
      return;
    }
    if (current instanceof String other && records.find(other)
        .map(row -> ProblemStatus.valueOf(row.status()).isOpen()).orElse(false)) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, incidentNumber + " is linked to the open problem " + other
          + " already");
    }
    AsProcess.run(() -> runtime.setVariable(incident.processInstanceId(), PROBLEM_NUMBER, problemNumber));
    records.link(problemNumber, incidentNumber);
    articles.activeKnownError(problemNumber).ifPresent(knownError -> commenting.fromProcess(incidentNumber, linkedBy,
        workaroundNote(knownError), false));
  }

  /** Unlinks every incident of {@code problemNumber} (a rejected proposal): they are no longer its. */
  void unlinkAll(String problemNumber) {
    for (String incidentNumber : records.incidents(problemNumber)) {
      IncidentState incident = instances.state(incidentNumber);
      if (incident.running() && problemNumber.equals(AsProcess.call(
          () -> runtime.getVariable(incident.processInstanceId(), PROBLEM_NUMBER)))) {
        AsProcess.run(() -> runtime.removeVariable(incident.processInstanceId(), PROBLEM_NUMBER));
      }
      records.unlink(problemNumber, incidentNumber);
    }
  }

  /** What an incident's work note says of its problem's known error. */
  static String workaroundNote(KnowledgeArticle knownError) {
    return "Known error " + knownError.reference() + ": " + knownError.title() + "\nWorkaround: "
        + knownError.workaround();
  }
}
