package io.incidentflow.comment;

import io.incidentflow.comment.IncidentComments.Author;
import io.incidentflow.comment.IncidentComments.Comment;
import io.incidentflow.incident.Caller;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentSteps;
import io.incidentflow.incident.InputCheck;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Comments on an incident on the caller's or an agent's behalf. A caller's comment on an incident on hold
 * awaiting the caller resumes it, as completing Await information in Tasklist does. One transaction:
 * refused, it changes nothing.
 */
@Service
public class Commenting {

  public static final String AWAIT_INFORMATION = "Task_AwaitInformation";
  public static final String TEXT = "text";
  public static final String AUTHOR = "author";

  private final TaskService tasks;
  private final IncidentInstances instances;
  private final IncidentComments comments;
  private final IncidentSteps steps;

  public Commenting(TaskService tasks, IncidentInstances instances, IncidentComments comments, IncidentSteps steps) {
    this.tasks = tasks;
    this.instances = instances;
    this.comments = comments;
    this.steps = steps;
  }

  /** A comment as recorded, and the incident's status after it. */
  public record CommentAdded(String incidentNumber, String author, String writtenBy, String text,
      Instant at, String status, boolean resumed) {
  }

  /** Comments on the incident as {@code caller}; a caller's comment resumes an incident awaiting the caller. */
  public CommentAdded comment(Caller caller, String incidentNumber, Map<String, Object> body) {
    return steps.inTransaction(incidentNumber, () -> {
      IncidentState incident = instances.state(incidentNumber);
      IncidentAccess.requireFollowUp(caller, incident.assignmentGroup(), "comment on " + incidentNumber);
      Map<String, Object> fields = new HashMap<>(body);
      fields.putIfAbsent(AUTHOR, Author.AGENT.value());
      InputCheck.of(fields).requireText(TEXT, IncidentComments.TEXT_MAX).requireCode(AUTHOR, Author.class).orThrow();
      incident.requireOpen("takes no comments");
      String author = (String) fields.get(AUTHOR);
      String text = (String) fields.get(TEXT);
      Comment comment = new Comment(incidentNumber, EngineClock.now(), author, caller.userId(),
          text);
      comments.add(comment);
      // Agents see the comment on their open task in Tasklist, too.
      for (Task task : tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).list()) {
        tasks.createComment(task.getId(), incident.processInstanceId(), author + " (" + caller.userId() + "): " + text);
      }
      boolean resumed = Author.CALLER.value().equals(author) && incident.awaitsCaller();
      if (resumed) {
        steps.complete(incident, AWAIT_INFORMATION, Map.of());
      }
      return new CommentAdded(incidentNumber, author, caller.userId(), text, comment.at(),
          resumed ? IncidentStatus.IN_PROGRESS.name() : incident.status(), resumed);
    });
  }
}
