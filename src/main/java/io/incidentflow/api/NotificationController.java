package io.incidentflow.api;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.notification.CommunicationLog.Notification;
import io.incidentflow.notification.CommunicationLog;
import io.incidentflow.notification.NotificationDelivery;
import io.incidentflow.summary.IncidentVisibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notifications of an incident, sent or not: each as it was decided (recipients, subject, Message-ID),
 * whether it went out, how often it was tried and why it failed; and a retry for one that did not go out,
 * for the service desk, incident managers and administrators (as Cockpit retries its failed job).
 */
@RestController
@Tag(name = "Notifications", description = "What an incident's callers and groups were told, and what failed")
public class NotificationController {

  static final String NOTIFICATIONS = IncidentController.INCIDENT + "/notifications";

  private final IncidentInstances instances;
  private final CommunicationLog log;
  private final NotificationDelivery delivery;
  private final IncidentVisibility visibility;

  public NotificationController(IncidentInstances instances, CommunicationLog log, NotificationDelivery delivery,
      IncidentVisibility visibility) {
    this.instances = instances;
    this.log = log;
    this.delivery = delivery;
    this.visibility = visibility;
  }

  /** A notification as the API shows it. */
  public record NotificationView(String id, String event, List<String> recipients, String subject, String messageId,
      String status, int attempts, String lastError, Instant decidedAt, Instant sentAt, String channel) {

    static NotificationView of(Notification notification) {
      return new NotificationView(notification.id(), notification.event().name(), notification.recipients(),
          notification.subject(), notification.messageId(), notification.status().name(), notification.attempts(),
          notification.lastError(), notification.createdAt(), notification.sentAt(), notification.channel().value());
    }
  }

  @Operation(summary = "The incident's notifications, sent or not, in the order they were decided")
  @GetMapping(path = NOTIFICATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
  public List<NotificationView> notifications(@PathVariable String incidentNumber, HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireStaff(caller, "read incidents");
    visibility.requireRead(caller, incidentNumber);
    return log.all(incidentNumber).stream().map(NotificationView::of).toList();
  }

  @Operation(summary = "Send a notification that did not go out, once more",
      description = "202 when its delivery is due now; 409 when it was sent already.")
  @PostMapping(path = NOTIFICATIONS + "/{notificationId}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<NotificationView> retry(@PathVariable String incidentNumber, @PathVariable String notificationId,
      HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireFollowUp(caller, null, "retry a notification of " + incidentNumber);
    instances.find(incidentNumber);
    Notification notification = log.find(notificationId)
        .filter(found -> found.incidentNumber().equals(incidentNumber))
        .orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, "No notification " + notificationId + " of "
            + incidentNumber));
    if (!delivery.retry(notificationId)) {
      throw new RequestRefusedException(HttpStatus.CONFLICT, "The notification " + notificationId + " was sent already ("
          + notification.sentAt() + "): there is nothing to retry");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(NotificationView.of(log.find(notificationId).orElseThrow()));
  }
}
