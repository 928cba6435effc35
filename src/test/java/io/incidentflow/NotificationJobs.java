package io.incidentflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Tests run with the job executor off: this does its part for the notifications of one incident. */
public final class NotificationJobs {

  private NotificationJobs() {
  }

  /**
   * Executes the incident's waiting message jobs (the deliveries of its notifications, and the jobs that
   * decide one, such as an alert's clearing) until none is left that can run.
   */
  public static void run(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> waiting = management.createJobQuery().processInstanceId(processInstanceId).messages().executable()
          .list();
      if (waiting.isEmpty()) {
        return;
      }
      waiting.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("Notification jobs of " + processInstanceId + " keep making new ones");
  }
}
