package io.incidentflow.notification;

/**
 * A notification could not be sent. The message names the incident, the event, the recipients and the
 * cause: it is what Cockpit shows on the failed job once the retries are used up.
 */
public class NotificationFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotificationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
