package io.incidentflow.problem;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;
import static io.incidentflow.incident.IncidentVariables.DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.INVESTIGATION_OUTCOME;
import static io.incidentflow.incident.IncidentVariables.ON_HOLD_REASON;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_NOTES;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.TRIAGE_DECISION;
import static io.incidentflow.problem.ProblemVariables.KNOWN_ERROR_MATCHES;
import static io.incidentflow.problem.ProblemVariables.KNOWN_ERROR_NUMBER;
import static io.incidentflow.problem.ProblemVariables.PROBLEM_NUMBER;
import static io.incidentflow.problem.ProblemVariables.RAISE_PROBLEM;
import static io.incidentflow.problem.ProblemVariables.REUSABLE;

import io.incidentflow.incident.Codes.InvestigationOutcome;
import io.incidentflow.incident.Codes.OnHoldReason;
import io.incidentflow.incident.Codes.TriageDecision;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentNumbers;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.knowledge.KnowledgeArticles;
import io.incidentflow.knowledge.KnownErrorMatcher;
import io.incidentflow.knowledge.KnownErrorMatcher.Match;
import io.incidentflow.resolution.Resolutions;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Problem management at an incident's triage and investigation. When the task is created, the known errors
 * that match the incident are put where the form shows them ({@code knownErrorMatches}). When it completes,
 * before the step's own checks: the known error the agent applied ({@code knownErrorNumber}) links the
 * incident to its problem; {@code raiseProblem} raises a problem with the incident linked; a hold
 * {@code awaiting-problem} needs a linked problem; a resolution marked {@code reusable} becomes knowledge.
 */
@Component("knownErrorTaskListener")
public class KnownErrorTaskListener implements TaskListener {

  static final String TRIAGE = "Task_TriageIncident";
  static final String NO_MATCH = "No known error matches this incident.";

  private final KnownErrorMatcher matcher;
  private final KnowledgeArticles articles;
  private final ProblemLinks links;
  private final ProblemRaising raising;
  private final ProblemRecords records;

  public KnownErrorTaskListener(KnownErrorMatcher matcher, KnowledgeArticles articles, ProblemLinks links,
      ProblemRaising raising, ProblemRecords records) {
    this.matcher = matcher;
    this.articles = articles;
    this.links = links;
    this.raising = raising;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      case EVENTNAME_COMPLETE -> completed(task);
      default -> throw new IllegalStateException("Unexpected task event " + task.getEventName());
    }
  }

  private void created(DelegateTask task) {
    IncidentData incident = IncidentData.of(task);
    // Tasklist pre-fills forms from variables: last time's choices are not this time's.
    incident.remove(KNOWN_ERROR_NUMBER);
    incident.remove(RAISE_PROBLEM);
    incident.remove(REUSABLE);
    List<Match> matches = matcher.match(incident.text(AFFECTED_SERVICE), incident.text(CATEGORY),
        incident.text(SHORT_DESCRIPTION) + " " + incident.text(DESCRIPTION));
    incident.set(KNOWN_ERROR_MATCHES, matches.isEmpty() ? NO_MATCH : matches.stream()
        .map(match -> "**" + match.problemNumber() + "** " + match.title() + " (score " + match.score() + ")\n"
            + "Workaround: " + match.workaround())
        .collect(Collectors.joining("\n\n")));
  }

  private void completed(DelegateTask task) {
    IncidentData incident = IncidentData.of(task);
    String incidentNumber = IncidentNumbers.of(task);
    String agent = Resolutions.agentOf(task);
    String knownError = incident.text(KNOWN_ERROR_NUMBER);
    if (knownError != null && !knownError.isBlank()) {
      applyKnownError(knownError.strip(), incidentNumber, agent);
    }
    if (incident.isTrue(RAISE_PROBLEM)) {
      String linked = incident.text(PROBLEM_NUMBER);
      if (linked != null && records.find(linked).map(row -> ProblemStatus.valueOf(row.status()).isOpen()).orElse(false)) {
        throw refused(RAISE_PROBLEM, "the incident is linked to the open problem " + linked + " already");
      }
      raising.raise(incident.text(SHORT_DESCRIPTION), incident.text(DESCRIPTION), incident.text(AFFECTED_SERVICE),
          List.of(incidentNumber), agent == null ? incidentNumber : agent, ProblemSource.INVESTIGATION.value());
    }
    boolean investigation = !TRIAGE.equals(task.getTaskDefinitionKey());
    if (investigation && InvestigationOutcome.ON_HOLD.value().equals(incident.text(INVESTIGATION_OUTCOME))
        && OnHoldReason.AWAITING_PROBLEM.value().equals(incident.text(ON_HOLD_REASON))
        && task.getVariable(PROBLEM_NUMBER) == null) {
      throw refused(ON_HOLD_REASON, "awaiting-problem needs a linked problem: apply a known error, raise a problem,"
          + " or link the incident to one first");
    }
    boolean resolved = investigation ? InvestigationOutcome.RESOLVED.value().equals(incident.text(INVESTIGATION_OUTCOME))
        : TriageDecision.RESOLVE.value().equals(incident.text(TRIAGE_DECISION));
    if (resolved && incident.isTrue(REUSABLE) && incident.text(RESOLUTION_NOTES) != null) {
      articles.addResolution(incidentNumber, incident.text(SHORT_DESCRIPTION), incident.text(DESCRIPTION),
          incident.text(RESOLUTION_NOTES), incident.text(AFFECTED_SERVICE), incident.text(CATEGORY),
          agent == null ? incidentNumber : agent);
    }
  }

  private void applyKnownError(String problemNumber, String incidentNumber, String agent) {
    if (!ProblemNumbers.isValid(problemNumber)) {
      throw refused(KNOWN_ERROR_NUMBER, "must be a problem number such as PRB0000012 (was '" + problemNumber + "')");
    }
    if (articles.activeKnownError(problemNumber).isEmpty()) {
      throw refused(KNOWN_ERROR_NUMBER, problemNumber + " has no published workaround (or its fix is applied)");
    }
    try {
      links.link(problemNumber, incidentNumber, agent == null ? incidentNumber : agent);
    } catch (RequestRefusedException e) {
      throw refused(KNOWN_ERROR_NUMBER, e.getMessage());
    }
  }

  private static InvalidIncidentInputException refused(String field, String message) {
    return new InvalidIncidentInputException(List.of(new FieldError(field, message)));
  }
}
