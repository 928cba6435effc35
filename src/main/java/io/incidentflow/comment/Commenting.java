package io.incidentflow.comment;

import io.incidentflow.comment.IncidentComments.Author;
import io.incidentflow.comment.IncidentComments.Comment;
import io.incidentflow.comment.IncidentComments.Visibility;
import io.incidentflow.incident.Caller;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentSteps;
import io.incidentflow.incident.IncidentVariables;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.NotificationService;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What people write on an incident. A comment is the caller's words (a caller's comment on an incident on
 * hold awaiting the caller resumes it, as completing Await information in Tasklist does) or an agent's
 * message to the caller, which is mailed to the caller in the incident's thread. A work note is internal
 * to the staff and never mailed. Both show on the incident's open tasks in Tasklist too. One transaction:
 * refused, it changes nothing.
 */
@Service
public class Commenting {

  public static final String AWAIT_INFORMATION = "Task_AwaitInformation";
  public static final String TEXT = "text";
  public static final String AUTHOR = "author";
  /** The key under which the mail templates find an agent's message. */
  static final String COMMENT_TEXT = "commentText";

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IncidentInstances instances;
  private final IncidentComments comments;
  private final IncidentSteps steps;
  private final NotificationService notifications;

  public Commenting(TaskService tasks, RuntimeService runtime, IncidentInstances instances, IncidentComments comments,
      IncidentSteps steps, NotificationService notifications) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.instances = instances;
    this.comments = comments;
    this.steps = steps;
    this.notifications = notifications;
  }

  /** A comment or note as recorded, and the incident's status after it. */
  public record CommentAdded(String incidentNumber, String author, String writtenBy, String text,
      Instant at, String status, boolean resumed, String visibility, boolean mailed) {
  }

  /**
   * Comments on the incident as {@code caller}: a caller's comment resumes an incident awaiting the caller;
   * an agent's is mailed to the caller.
   */
  public CommentAdded comment(Caller caller, String incidentNumber, Map<String, Object> body) {
    return steps.inTransaction(incidentNumber, () -> {
      IncidentState incident = instances.state(incidentNumber);
      IncidentAccess.requireFollowUp(caller, incident.assignmentGroup(), "comment on " + incidentNumber);
      Map<String, Object> fields = new HashMap<>(body);
      fields.putIfAbsent(AUTHOR, Author.AGENT.value());
      InputCheck.of(fields).requireText(TEXT, IncidentComments.TEXT_MAX).requireCode(AUTHOR, Author.class).orThrow();
      incident.requireOpen("takes no comments");
      String author = (String) fields.get(AUTHOR);
      Comment comment = record(incident, caller, author, ((String) fields.get(TEXT)).strip(), Visibility.CALLER);
      boolean fromCaller = Author.CALLER.value().equals(author);
      if (!fromCaller) {
        mailToCaller(incident, comment.text());
      }
      boolean resumed = fromCaller && incident.awaitsCaller();
      if (resumed) {
        steps.complete(incident, AWAIT_INFORMATION, Map.of());
      }
      return added(comment, resumed ? IncidentStatus.IN_PROGRESS.name() : incident.status(), resumed, !fromCaller);
    });
  }

  /** Adds a work note as {@code caller}: internal to the staff, never mailed. */
  public CommentAdded note(Caller caller, String incidentNumber, Map<String, Object> body) {
    return steps.inTransaction(incidentNumber, () -> {
      IncidentState incident = instances.state(incidentNumber);
      IncidentAccess.requireFollowUp(caller, incident.assignmentGroup(), "add work notes to " + incidentNumber);
      InputCheck.of(body).requireText(TEXT, IncidentComments.TEXT_MAX).orThrow();
      incident.requireOpen("takes no work notes");
      Comment note = record(incident, caller, Author.AGENT.value(), ((String) body.get(TEXT)).strip(),
          Visibility.INTERNAL);
      return added(note, incident.status(), false, false);
    });
  }

  /**
   * Writes on an open incident for a process step (a problem's published workaround): a work note, or with
   * {@code mailCaller} a message to the caller, mailed like an agent's. The step's own rules decided who may
   * cause it; it runs in the step's transaction. An incident no longer open is left alone (null).
   */
  public CommentAdded fromProcess(String incidentNumber, String writtenBy, String text, boolean mailCaller) {
    IncidentState incident = instances.state(incidentNumber);
    if (!incident.running() || incident.status() == null || !IncidentStatus.valueOf(incident.status()).isOpen()) {
      return null;
    }
    Comment comment = record(incident, new Caller(writtenBy, Set.of()), Author.AGENT.value(), text,
        mailCaller ? Visibility.CALLER : Visibility.INTERNAL);
    if (mailCaller) {
      mailToCaller(incident, text);
    }
    return added(comment, incident.status(), false, mailCaller);
  }

  private Comment record(IncidentState incident, Caller caller, String author, String text, Visibility visibility) {
    Comment comment = new Comment(incident.number(), EngineClock.now(), author, caller.userId(), text, visibility);
    comments.add(comment);
    // Agents see it on the incident's open tasks in Tasklist too (its comments and History tab).
    String line = (visibility == Visibility.INTERNAL ? "work note" : author) + " (" + caller.userId() + "): " + text;
    TasklistComments.mirroring(() -> {
      for (Task task : tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).list()) {
        tasks.createComment(task.getId(), incident.processInstanceId(), line);
      }
    });
    return comment;
  }

  private void mailToCaller(IncidentState incident, String text) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(incident.processInstanceId())
        .singleResult();
    Map<String, Object> variables = new HashMap<>(runtime.getVariables(instance.getId()));
    variables.put(IncidentVariables.INCIDENT_NUMBER, incident.number());
    variables.put(COMMENT_TEXT, text);
    notifications.notify(IncidentEvent.COMMENTED, variables, instance.getId(), instance.getProcessDefinitionId());
  }

  private static CommentAdded added(Comment comment, String status, boolean resumed, boolean mailed) {
    return new CommentAdded(comment.incidentNumber(), comment.author(), comment.writtenBy(), comment.text(),
        comment.at(), status, resumed, comment.visibility().value(), mailed);
  }
}
