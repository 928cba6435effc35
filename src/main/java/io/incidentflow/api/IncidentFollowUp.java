package io.incidentflow.api;

import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.CONFIRMATION_COMMENT;
import static io.incidentflow.incident.IncidentVariables.ON_HOLD_REASON;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_ACCEPTED;
import static io.incidentflow.incident.IncidentVariables.STATUS;

import io.incidentflow.api.ApiError.FieldMessage;
import io.incidentflow.api.IncidentComments.Author;
import io.incidentflow.api.IncidentComments.Comment;
import io.incidentflow.config.ApiAuthentication.Caller;
import io.incidentflow.incident.Codes.OnHoldReason;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.incident.InvalidIncidentInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows an incident up on the caller's or an agent's behalf: comments (a caller's answer resumes an
 * incident on hold awaiting the caller, as completing Await information in Tasklist does) and the
 * caller's confirmation of a resolution (completing Confirm resolution, which closes or reopens it).
 * Each action is one transaction: refused, it changes nothing.
 */
@Service
public class IncidentFollowUp {

  static final String AWAIT_INFORMATION = "Task_AwaitInformation";
  static final String CONFIRM_RESOLUTION = "Task_ConfirmResolution";
  static final String TEXT = "text";
  static final String AUTHOR = "author";
  static final String ACCEPTED = "accepted";
  static final String COMMENT = "comment";
  /** The confirmation's fields as the request names them, by the variable the task listener checks. */
  private static final Map<String, String> CONFIRMATION_FIELDS = Map.of(RESOLUTION_ACCEPTED, ACCEPTED,
      CONFIRMATION_COMMENT, COMMENT);

  /** How long an action goes on trying while a job of the incident keeps changing it. */
  private static final Duration CONCURRENT_CHANGE_WAIT = Duration.ofSeconds(10);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final IncidentInstances instances;
  private final IncidentComments comments;
  private final IncidentSummaries summaries;
  private final ResolutionLinks links;
  private final TransactionTemplate transactions;

  public IncidentFollowUp(RuntimeService runtime, TaskService tasks, HistoryService history,
      IncidentInstances instances, IncidentComments comments, IncidentSummaries summaries, ResolutionLinks links,
      TransactionTemplate transactions) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.instances = instances;
    this.comments = comments;
    this.summaries = summaries;
    this.links = links;
    this.transactions = transactions;
  }

  /** A comment as recorded, and the incident's status after it. */
  public record CommentAdded(String incidentNumber, String author, String writtenBy, String text,
      Instant at, String status, boolean resumed) {
  }

  /** Comments on the incident as {@code caller}; a caller's comment resumes an incident awaiting the caller. */
  public CommentAdded comment(Caller caller, String incidentNumber, Map<String, Object> body) {
    return inTransaction(incidentNumber, () -> {
      Incident incident = incident(incidentNumber);
      ApiAccess.requireFollowUp(caller, incident.assignmentGroup(), "comment on " + incidentNumber);
      Map<String, Object> fields = new HashMap<>(body);
      fields.putIfAbsent(AUTHOR, Author.AGENT.value());
      InputCheck.of(fields).requireText(TEXT, IncidentComments.TEXT_MAX).requireCode(AUTHOR, Author.class).orThrow();
      incident.requireOpen("takes no comments");
      String author = (String) fields.get(AUTHOR);
      String text = (String) fields.get(TEXT);
      Comment comment = new Comment(incidentNumber, ClockUtil.getCurrentTime().toInstant(), author, caller.userId(),
          text);
      comments.add(comment);
      // Agents see the comment on their open task in Tasklist, too.
      for (Task task : tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).list()) {
        tasks.createComment(task.getId(), incident.processInstanceId(), author + " (" + caller.userId() + "): " + text);
      }
      boolean resumed = Author.CALLER.value().equals(author) && incident.awaitsCaller();
      if (resumed) {
        complete(incident, AWAIT_INFORMATION, Map.of());
      }
      return new CommentAdded(incidentNumber, author, caller.userId(), text, comment.at(),
          resumed ? IncidentStatus.IN_PROGRESS.name() : incident.status(), resumed);
    });
  }

  /** Records the caller's answer to the resolution, given by {@code caller} on the caller's behalf. */
  public IncidentSummary confirm(Caller caller, String incidentNumber, Map<String, Object> body) {
    return inTransaction(incidentNumber, () -> {
      Incident incident = incident(incidentNumber);
      ApiAccess.requireFollowUp(caller, incident.assignmentGroup(), "confirm the resolution of " + incidentNumber);
      return confirm(incident, body);
    });
  }

  /** Records the caller's answer to the resolution, given with the token of a resolution mail's link. */
  public IncidentSummary confirmWithToken(String incidentNumber, String token, Map<String, Object> body) {
    return inTransaction(incidentNumber, () -> {
      links.redeem(incidentNumber, token);
      return confirm(incident(incidentNumber), body);
    });
  }

  /** The incident behind a link, or 403 for a token that is wrong, expired or used: for the page that asks. */
  public IncidentSummary linkedIncident(String incidentNumber, String token) {
    links.check(incidentNumber, token);
    Incident incident = incident(incidentNumber);
    incident.requireResolved();
    return summaries.find(incidentNumber).orElseThrow();
  }

  private IncidentSummary confirm(Incident incident, Map<String, Object> body) {
    incident.requireResolved();
    Map<String, Object> variables = new HashMap<>();
    variables.put(RESOLUTION_ACCEPTED, scalar(body, ACCEPTED));
    variables.put(CONFIRMATION_COMMENT, scalar(body, COMMENT));
    try {
      complete(incident, CONFIRM_RESOLUTION, variables);
    } catch (InvalidIncidentInputException invalid) {
      List<FieldMessage> fields = invalid.getFieldErrors().stream()
          .map(e -> new FieldMessage(CONFIRMATION_FIELDS.getOrDefault(e.field(), e.field()), e.message())).toList();
      throw ApiException.badFields(fields);
    }
    return summaries.find(incident.number()).orElseThrow();
  }

  private static Object scalar(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw ApiException.badField(field, "must be a single value, not an object or a list");
    }
    return value;
  }

  private void complete(Incident incident, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      throw new ApiException(HttpStatus.CONFLICT, incident.number() + " has no open step " + taskKey + " any more");
    }
    tasks.complete(task.getId(), variables);
  }

  /**
   * Runs {@code action} in one transaction; when a job of the incident (an SLA timer) changed it at the same
   * moment, runs it again on what that job left, as a person would have clicked again.
   */
  private <T> T inTransaction(String incidentNumber, Supplier<T> action) {
    return ConcurrentRequests.retry(CONCURRENT_CHANGE_WAIT, () -> Optional.of(transactions.execute(tx -> action.get())),
        stillChanging -> new ApiException(HttpStatus.CONFLICT, incidentNumber + " keeps being changed at the same"
            + " moment; try again"));
  }

  /** The incident numbered {@code incidentNumber}, running or ended; 404 when there is none. */
  Incident incident(String incidentNumber) {
    HistoricProcessInstance instance = instances.find(incidentNumber);
    List<String> names = List.of(STATUS, ON_HOLD_REASON, ASSIGNMENT_GROUP);
    if (instance.getEndTime() == null) {
      return new Incident(incidentNumber, instance.getId(), true, runtime.getVariables(instance.getId(), names));
    }
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableNameIn(names.toArray(String[]::new)).list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    return new Incident(incidentNumber, instance.getId(), false, variables);
  }

  /** What following an incident up needs to know of it. */
  record Incident(String number, String processInstanceId, boolean running, Map<String, Object> variables) {

    String status() {
      return (String) variables.get(STATUS);
    }

    Object assignmentGroup() {
      return variables.get(ASSIGNMENT_GROUP);
    }

    boolean awaitsCaller() {
      return IncidentStatus.ON_HOLD.name().equals(status())
          && OnHoldReason.AWAITING_CALLER.value().equals(variables.get(ON_HOLD_REASON));
    }

    /** Closed and canceled incidents are done with, even while a last notification still waits to be sent. */
    void requireOpen(String what) {
      if (!running || IncidentStatus.CLOSED.name().equals(status()) || IncidentStatus.CANCELED.name().equals(status())) {
        throw new ApiException(HttpStatus.CONFLICT, number + " is " + status() + " and " + what);
      }
    }

    void requireResolved() {
      if (!running || !IncidentStatus.RESOLVED.name().equals(status())) {
        throw new ApiException(HttpStatus.CONFLICT, number + " is " + status() + ", not RESOLVED: there is no"
            + " resolution to confirm or reject");
      }
    }
  }
}
