package io.incidentflow.notification;

import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.CALLER_EMAIL;
import static io.incidentflow.incident.IncidentVariables.INCIDENT_NUMBER;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.incident.IncidentVariables.PRIORITY_LABEL;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.incident.SupportGroups.INCIDENT_MANAGERS;

import io.incidentflow.incident.DisplayFormats;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.notification.CommunicationLog.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Tells callers and groups what happened to an incident: decides who is told, renders the event's mail
 * and records it, in the transaction of the step that caused it, for {@link NotificationDelivery} to send
 * once that step has committed. All mails of an incident share one thread: the acknowledgement's
 * Message-ID is {@code <INC0001042@domain>} and every later mail refers to it.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  /** The user id of the agent working on the incident, in the variables given to {@link #send}: the {@link Audience#ASSIGNEE}. */
  public static final String ASSIGNEE = "assignee";
  /**
   * The group whose queue holds the incident's open task (service-desk during triage), in the variables
   * given to {@link #send}: whom {@link Audience#ASSIGNEE} falls back to and whose lead
   * {@link Audience#GROUP_LEAD} means. Without it, the assignment group.
   */
  public static final String TASK_GROUP = "taskGroup";

  private final JavaMailSenderImpl mail;
  private final MailTemplates templates;
  private final CommunicationLog log;
  private final NotificationSettings settings;
  private final IdentityService identity;
  private final NotificationDelivery delivery;
  private final List<MailContent> contents;

  public NotificationService(JavaMailSenderImpl mail, MailTemplates templates, CommunicationLog log,
      NotificationSettings settings, IdentityService identity, NotificationDelivery delivery, List<MailContent> contents) {
    this.mail = mail;
    this.templates = templates;
    this.log = log;
    this.settings = settings;
    this.identity = identity;
    this.delivery = delivery;
    this.contents = List.copyOf(contents);
  }

  /**
   * Decides {@code event}'s notification about the incident whose variables are {@code incident} (its
   * process instance {@code processInstanceId} of {@code processDefinitionId}): its recipients, its
   * message with a Message-ID of its own, rendered and recorded in the current transaction, and the job
   * that sends it after this transaction commits ({@link NotificationDelivery}). Records nothing, and logs
   * why, when no recipient has an address.
   */
  public void notify(IncidentEvent event, Map<String, Object> incident, String processInstanceId,
      String processDefinitionId) {
    notify(event, incident, event.audiences(), processInstanceId, processDefinitionId);
  }

  /** As {@link #notify(IncidentEvent, Map, String, String)}, to {@code audiences} instead of the event's default. */
  public void notify(IncidentEvent event, Map<String, Object> incident, Set<Audience> audiences,
      String processInstanceId, String processDefinitionId) {
    String number = IncidentData.of(incident).number();
    List<String> recipients = recipients(event, incident, audiences, number);
    if (recipients.isEmpty()) {
      return;
    }
    String id = UUID.randomUUID().toString();
    String subject = subject(event, incident);
    String messageId = event == IncidentEvent.REPORTED ? threadId(number)
        : "<" + number + "." + event.template() + "." + id + "@" + domain() + ">";
    Instant now = EngineClock.now();
    String message = message(event, incident, recipients, subject, messageId, now);
    Notification notification = new Notification(id, number, processInstanceId, event, recipients, subject,
        messageId, message, CommunicationLog.Status.PENDING, 0, null, now, null);
    log.record(notification);
    delivery.schedule(notification, processDefinitionId);
    LOG.info("{}: {} notification to {} recorded; it is sent once this step commits", number, event, recipients);
  }

  /** The whole message as it will be sent (RFC 822), with its Message-ID and date fixed now. */
  private String message(IncidentEvent event, Map<String, Object> incident, List<String> recipients, String subject,
      String messageId, Instant now) {
    String number = IncidentData.of(incident).number();
    try {
      MimeMessage message = new ThreadedMessage(mail.getSession(), messageId);
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(settings.sender());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setSentDate(Date.from(now));
      MailDraft draft = draft(event, incident);
      MailTemplates.Bodies bodies = templates.render(event, draft.model());
      helper.setText(bodies.text(), bodies.html());
      for (MailDraft.Attachment attachment : draft.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
      if (event != IncidentEvent.REPORTED) {
        message.setHeader("In-Reply-To", threadId(number));
        message.setHeader("References", threadId(number));
      }
      message.saveChanges();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      message.writeTo(bytes);
      // MIME is 7-bit text (bodies and headers are encoded); ISO-8859-1 keeps every byte as it is.
      return bytes.toString(StandardCharsets.ISO_8859_1);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(number + ": the " + event + " notification could not be written: "
          + e.getMessage(), e);
    }
  }

  private List<String> recipients(IncidentEvent event, Map<String, Object> incident, Set<Audience> audiences,
      String number) {
    Set<String> recipients = new LinkedHashSet<>();
    Object group = incident.get(ASSIGNMENT_GROUP);
    Object holder = incident.getOrDefault(TASK_GROUP, group);
    for (Audience audience : audiences) {
      switch (audience) {
        case CALLER -> addIfPresent(recipients, IncidentData.of(incident).text(CALLER_EMAIL), number, event, "the caller");
        case GROUP -> addIfPresent(recipients, settings.groupAddresses().get(String.valueOf(group)), number, event,
            "group " + group);
        case ASSIGNEE -> {
          if (incident.get(ASSIGNEE) instanceof String userId) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            addIfPresent(recipients, user == null ? null : user.getEmail(), number, event, "assignee " + userId);
          } else {
            addIfPresent(recipients, settings.groupAddresses().get(String.valueOf(holder)), number, event,
                "group " + holder + " (nobody has taken the incident)");
          }
        }
        case GROUP_LEAD -> addIfPresent(recipients, settings.groupLeads().get(String.valueOf(holder)), number, event,
            "the lead of group " + holder);
        case INCIDENT_MANAGERS -> addIfPresent(recipients, settings.groupAddresses().get(INCIDENT_MANAGERS), number,
            event, "group " + INCIDENT_MANAGERS);
      }
    }
    return List.copyOf(recipients);
  }

  private static void addIfPresent(Set<String> recipients, String address, String number, IncidentEvent event,
      String whom) {
    if (address == null || address.isBlank()) {
      LOG.info("{}: no {} notification to {}: no mail address is configured", number, event, whom);
    } else {
      recipients.add(address.strip());
    }
  }

  /** {@code [INC0001042] P2 High · VPN drops every 10 minutes · Resolved: please confirm}, on one line. */
  static String subject(IncidentEvent event, Map<String, Object> incident) {
    String summary = String.valueOf(incident.get(SHORT_DESCRIPTION)).replaceAll("[\\p{Cntrl}]+", " ").strip();
    return String.format("[%s] P%s %s · %s · %s", incident.get(INCIDENT_NUMBER), incident.get(PRIORITY),
        incident.get(PRIORITY_LABEL), summary, event.title());
  }

  /** The mail's values and attachments: the incident and the event, and what the features add ({@link MailContent}). */
  private MailDraft draft(IncidentEvent event, Map<String, Object> incident) {
    Map<String, Object> model = new HashMap<>();
    model.put("incident", incident);
    model.put("event", event);
    model.put("tasklistUrl", settings.baseUrl() + "/camunda/app/tasklist/");
    model.put("formats", DisplayFormats.INSTANCE);
    MailDraft draft = new MailDraft(model);
    contents.forEach(content -> content.addTo(event, incident, draft));
    return draft;
  }

  /** The thread of an incident's mails: the Message-ID of its acknowledgement. */
  private String threadId(String number) {
    return "<" + number + "@" + domain() + ">";
  }

  private String domain() {
    try {
      String address = new InternetAddress(settings.sender()).getAddress();
      return address.substring(address.indexOf('@') + 1);
    } catch (MessagingException e) {
      throw new IllegalStateException("incident-flow.notification.sender is no mail address: " + settings.sender(), e);
    }
  }

  /** A message whose Message-ID is ours, not the one JavaMail would make up when it is sent. */
  private static final class ThreadedMessage extends MimeMessage {

    private final String messageId;

    ThreadedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
