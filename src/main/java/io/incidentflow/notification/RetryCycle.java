package io.incidentflow.notification;

import org.springframework.stereotype.Component;

/**
 * The notification retry cycle as process models read it: {@code ${notificationSettings.retryCycle}}. The
 * bean keeps the name the models have used from the start, so that incidents still running on an older
 * version of the process find it too.
 */
@Component("notificationSettings")
public class RetryCycle {

  private final NotificationSettings settings;

  public RetryCycle(NotificationSettings settings) {
    this.settings = settings;
  }

  /** The retry cycle, e.g. {@code R5/PT1M}. */
  public String getRetryCycle() {
    return settings.retryCycle();
  }
}
