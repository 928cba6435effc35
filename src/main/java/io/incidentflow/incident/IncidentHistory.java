package io.incidentflow.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.springframework.stereotype.Component;

/**
 * The one reader of an incident's history (history level {@code full}): every update of every variable
 * in order, with the step that made it, and who took which task. The closure record and the incident's
 * timeline are both built from it.
 *
 * <p>A task's form or delegate sets variables within its own activity instance. An output mapping (how
 * a business rule task hands on its decision's result) sets them in the enclosing scope as the task
 * ends: that step is the activity whose output mapping names the variable and that was running at the
 * time. A variable of the report is set as the instance starts, by its start event.
 */
@Component
public class IncidentHistory {

  private static final String ASSIGNEE_ADDED = "add";

  private final HistoryService history;
  private final RepositoryService repository;

  public IncidentHistory(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  /** A step of the incident: one run of an activity, by its assignee where it was a task. */
  public record Step(String activityInstanceId, String activityId, String name, String assignee) {
  }

  /** A variable given a value, at a moment, by a step (null where no step can be told). */
  public record Update(Instant at, String variable, Object value, Step step) {
  }

  /** An agent taking a task (claimed or assigned). */
  public record Take(Instant at, String userId) {
  }

  /**
   * A resolution as given (code, notes, by whom, when) and the caller's answer: {@code accepted} true or false,
   * null while it waits or when nobody answered (the incident closed by itself).
   */
  public record ResolutionGiven(Instant at, String code, String notes, String by, Boolean accepted,
      Instant answeredAt, String comment) {
  }

  /** One user task of the incident: its step, who took it when, and who holds it now (or last held it). */
  public record TaskWork(Step step, List<Take> takes, String assignee) {
  }

  /** What happened to the incident of {@code processInstanceId}, a process of {@code processDefinitionId}. */
  public Record of(String processInstanceId, String processDefinitionId) {
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).list();
    Map<String, Step> steps = new HashMap<>();
    activities.forEach(a -> steps.put(a.getId(), step(a)));
    Map<String, Set<String>> outputs = outputMappings(processDefinitionId);

    List<Update> updates = history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .map(u -> new Update(u.getTime().toInstant(), u.getVariableName(), u.getValue(),
            stepOf(u, activities, steps, outputs)))
        .toList();

    List<TaskWork> tasks = new ArrayList<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      List<Take> takes = history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
          .type(IdentityLinkType.ASSIGNEE).operationType(ASSIGNEE_ADDED).orderByTime().asc().list().stream()
          .filter(link -> link.getUserId() != null)
          .map(link -> new Take(link.getTime().toInstant(), link.getUserId())).toList();
      // The step's name as the model has it: the task's own name also carries number and priority.
      Step step = Optional.ofNullable(steps.get(task.getActivityInstanceId()))
          .orElse(new Step(task.getActivityInstanceId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee()));
      tasks.add(new TaskWork(step, takes, task.getAssignee()));
    }
    return new Record(updates, tasks);
  }

  /** An incident's history as read: the updates in order and the tasks in the order they started. */
  public record Record(List<Update> updates, List<TaskWork> tasks) {

    /** Every value a variable was given, in order (a value given again included). */
    public List<Update> updatesOf(String variable) {
      return updates.stream().filter(u -> variable.equals(u.variable())).toList();
    }

    /** Each time one of the variables took a different non-null value, the first value included, in order. */
    public List<Update> changesOf(String... variables) {
      Set<String> watched = Set.of(variables);
      Map<String, Object> last = new HashMap<>();
      return updates.stream()
          .filter(u -> watched.contains(u.variable()) && u.value() != null
              && !Objects.equals(last.put(u.variable(), u.value()), u.value()))
          .toList();
    }

    /** The value a variable was first given: what the caller reported, before triage corrected it. */
    public Optional<Object> firstValue(String variable) {
      return updatesOf(variable).stream().map(Update::value).filter(Objects::nonNull).findFirst();
    }

    /** The value a variable held at {@code moment}: the last update not after it. */
    public Optional<Object> valueAt(String variable, Instant moment) {
      Object value = null;
      for (Update update : updatesOf(variable)) {
        if (!update.at().isAfter(moment)) {
          value = update.value();
        }
      }
      return Optional.ofNullable(value);
    }

    /**
     * Every resolution the incident was given, in order, with the caller's answer to it: {@code accepted}
     * true or false (a rejection reopens the incident), null while it waits or when nobody answered.
     */
    public List<ResolutionGiven> resolutions() {
      List<Update> given = updatesOf(IncidentVariables.RESOLVED_AT).stream().filter(u -> u.value() != null).toList();
      List<ResolutionGiven> resolutions = new ArrayList<>();
      for (int i = 0; i < given.size(); i++) {
        Instant at = given.get(i).at();
        Instant next = i + 1 < given.size() ? given.get(i + 1).at() : null;
        Optional<Update> answer = updatesOf(IncidentVariables.RESOLUTION_ACCEPTED).stream()
            .filter(u -> u.value() instanceof Boolean && u.at().isAfter(at) && (next == null || u.at().isBefore(next)))
            .findFirst();
        // The answer's step gave the comment with it (the confirmation form, or the API's answer).
        String comment = answer.flatMap(a -> valueGivenBy(a.step(), IncidentVariables.CONFIRMATION_COMMENT))
            .map(Object::toString).orElse(null);
        // The step that resolved (its form and its listener) set code, notes and resolver together.
        Step step = given.get(i).step();
        resolutions.add(new ResolutionGiven(at, givenBy(IncidentVariables.RESOLUTION_CODE, step, next),
            givenBy(IncidentVariables.RESOLUTION_NOTES, step, next), givenBy(IncidentVariables.RESOLVED_BY, step, next),
            answer.map(a -> (Boolean) a.value()).orElse(null), answer.map(Update::at).orElse(null), comment));
      }
      return resolutions;
    }

    /**
     * The value {@code step} gave a variable, as text; where no step can be told, the last value given before
     * {@code end} (null: ever).
     */
    private String givenBy(String variable, Step step, Instant end) {
      if (step != null) {
        Optional<Object> value = valueGivenBy(step, variable);
        if (value.isPresent()) {
          return value.get().toString();
        }
      }
      return updatesOf(variable).stream().filter(u -> u.value() != null && (end == null || u.at().isBefore(end)))
          .map(u -> u.value().toString()).reduce((first, second) -> second).orElse(null);
    }

    /** The value a step gave a variable, e.g. the label given with a priority. */
    public Optional<Object> valueGivenBy(Step step, String variable) {
      return step == null ? Optional.empty() : updatesOf(variable).stream()
          .filter(u -> u.value() != null && u.step() != null
              && u.step().activityInstanceId().equals(step.activityInstanceId()))
          .map(Update::value).reduce((first, second) -> second);
    }
  }

  private static Step step(HistoricActivityInstance activity) {
    return new Step(activity.getId(), activity.getActivityId(), activity.getActivityName(), activity.getAssignee());
  }

  private static Step stepOf(HistoricVariableUpdate update, List<HistoricActivityInstance> activities,
      Map<String, Step> steps, Map<String, Set<String>> outputs) {
    Step own = steps.get(update.getActivityInstanceId());
    if (own != null) {
      return own;
    }
    Instant time = update.getTime().toInstant();
    return activities.stream()
        .filter(a -> outputs.getOrDefault(a.getActivityId(), Set.of()).contains(update.getVariableName()))
        .filter(a -> !a.getStartTime().toInstant().isAfter(time)
            && (a.getEndTime() == null || !a.getEndTime().toInstant().isBefore(time)))
        .max(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .or(() -> activities.stream()
            .filter(a -> ActivityTypes.START_EVENT.equals(a.getActivityType())
                && a.getStartTime().toInstant().equals(time))
            .findFirst())
        .map(a -> steps.get(a.getId()))
        .orElse(null);
  }

  /** For each activity of the model, the variables its output mapping sets. */
  private Map<String, Set<String>> outputMappings(String processDefinitionId) {
    Map<String, Set<String>> outputs = new HashMap<>();
    for (Activity activity : repository.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(Activity.class)) {
      ExtensionElements extensions = activity.getExtensionElements();
      if (extensions != null) {
        extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
            .flatMap(io -> io.getCamundaOutputParameters().stream())
            .map(CamundaOutputParameter::getCamundaName)
            .forEach(name -> outputs.computeIfAbsent(activity.getId(), id -> new HashSet<>()).add(name));
      }
    }
    return outputs;
  }
}
