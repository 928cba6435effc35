package io.incidentflow.major;

import io.incidentflow.Incidents;
import io.incidentflow.NotificationJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Drives major incidents in tests: switches the automatic trigger on for one test (the surefire configuration
 * switches it off for all others), gives each test a moment of its own far enough from every other test's that
 * the trigger's cluster window sees only its own reports, and completes the major incident's tasks as their holders.
 */
final class MajorIncidentDriver {

  private static final AtomicInteger TESTS = new AtomicInteger();
  private static final long RUN_OFFSET_DAYS = 10 * (System.currentTimeMillis() / 60_000 % 1_000);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final MajorIncidentTrigger trigger;
  private final Object settingsBefore;

  MajorIncidentDriver(RuntimeService runtime, TaskService tasks, ManagementService management,
      MajorIncidentTrigger trigger) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.trigger = trigger;
    this.settingsBefore = ReflectionTestUtils.getField(trigger, "settings");
    ReflectionTestUtils.setField(trigger, "settings", new MajorIncidentSettings(true, Duration.ofMinutes(30)));
    // Forward only (the API's login throttle), a day per test and ten days per minute of the run's start: no other
    // test's incidents in the window, nor those an earlier run left in a database that is kept (PostgreSQL).
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(RUN_OFFSET_DAYS + TESTS.incrementAndGet()))));
  }

  /** Puts the trigger's settings back; ends every major incident still running, so that none is open on a service. */
  void close() {
    ReflectionTestUtils.setField(trigger, "settings", settingsBefore);
    runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
  }

  /** A report on {@code service} with impact, urgency and channel as given. */
  static Map<String, Object> report(String service, String impact, String urgency, String channel) {
    Map<String, Object> report = Incidents.vpnReport(impact, urgency);
    report.put("affectedService", service);
    report.put("channel", channel);
    return report;
  }

  /**
   * The running major incident raised from incident {@code number}, once the job that runs it after the raising
   * step (the job executor is off in tests) has run.
   */
  ProcessInstance major(String number) {
    ProcessInstance major = runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .processInstanceBusinessKey(number).singleResult();
    if (major != null) {
      sendNotifications(major);
    }
    return major;
  }

  /** The open task {@code key} of {@code instance}. */
  Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  /** Claims the open task {@code key} as {@code user} (unless it is theirs) and completes it with {@code variables}. */
  void complete(ProcessInstance instance, String key, String user, Map<String, Object> variables) {
    Task task = task(instance, key);
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), user);
    }
    tasks.complete(task.getId(), variables);
  }

  /** Moves the engine clock by {@code duration} and runs the instance's timers that fell due. */
  void passTime(ProcessInstance instance, Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list()) {
      management.executeJob(job.getId());
    }
  }

  /** Runs the major incident's waiting jobs: what it recorded to send (mails, chat posts), its asynchronous steps. */
  void sendNotifications(ProcessInstance instance) {
    NotificationJobs.run(management, instance.getId());
  }
}
