package io.incidentflow;

import org.camunda.bpm.engine.ManagementService;

/** Tests run with the job executor off: this does its part for the notifications of one incident. */
public final class NotificationJobs {

  private NotificationJobs() {
  }

  /** Executes the asynchronous jobs (the notification send tasks) waiting on the process instance. */
  public static void run(ManagementService management, String processInstanceId) {
    management.createJobQuery().processInstanceId(processInstanceId).messages().list()
        .forEach(job -> management.executeJob(job.getId()));
  }
}
