package io.incidentflow.notification;

import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.CALLER_EMAIL;
import static io.incidentflow.incident.IncidentVariables.CALLER_MESSAGE_ID;
import static io.incidentflow.incident.IncidentVariables.INCIDENT_NUMBER;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.incident.IncidentVariables.PRIORITY_LABEL;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.incident.SupportGroups.INCIDENT_MANAGERS;

import io.incidentflow.incident.DisplayFormats;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.Labels;
import io.incidentflow.incident.IncidentVariables;
import io.incidentflow.notification.CommunicationLog.Channel;
import io.incidentflow.notification.CommunicationLog.Notification;
import java.time.Instant;
import java.util.EnumSet;
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
import org.springframework.stereotype.Service;

/**
 * Tells callers and groups what happened to an incident: decides who is told, renders the event's mail for
 * each {@link Reader} ({@link MailWriter}) and records it, in the transaction of the step that caused it, for
 * {@link NotificationDelivery} to send once that step has committed.
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


  private final MailWriter writer;
  private final CommunicationLog log;
  private final NotificationSettings settings;
  private final IdentityService identity;
  private final NotificationDelivery delivery;
  private final List<MailContent> contents;
  private final Labels labels;
  private final ApplicationUrl applicationUrl;
  private final StakeholderSettings stakeholders;
  private final ChatPosts chat;

  public NotificationService(MailWriter writer, CommunicationLog log, NotificationSettings settings,
      IdentityService identity, NotificationDelivery delivery, List<MailContent> contents, Labels labels,
      ApplicationUrl applicationUrl, StakeholderSettings stakeholders, ChatPosts chat) {
    this.writer = writer;
    this.log = log;
    this.settings = settings;
    this.identity = identity;
    this.delivery = delivery;
    this.contents = List.copyOf(contents);
    this.labels = labels;
    this.applicationUrl = applicationUrl;
    this.stakeholders = stakeholders;
    this.chat = chat;
  }

  /**
   * Decides {@code event}'s post to every chat channel that has a webhook configured (Slack, Teams), as a mail is
   * decided: recorded in the current transaction with an id of its own, posted by {@link NotificationDelivery}
   * once this transaction commits, retried, and failed visibly in the communication log and in Cockpit.
   */
  public void post(IncidentEvent event, Map<String, Object> incident, String processInstanceId,
      String processDefinitionId) {
    String number = IncidentData.of(incident).number();
    List<Channel> channels = chat.channels();
    if (channels.isEmpty()) {
      LOG.info("{}: no {} chat post: no chat webhook is configured", number, event);
      return;
    }
    String text = chat.text(event, Map.of("incident", incident, "labels", labels, "formats", DisplayFormats.INSTANCE));
    String title = subject(event, incident);
    for (Channel channel : channels) {
      String id = UUID.randomUUID().toString();
      Notification notification = new Notification(id, number, processInstanceId, event, List.of(channel.value()),
          title, writer.messageId(number, event, Reader.STAFF, id), chat.payload(channel, title, text),
          CommunicationLog.Status.PENDING, 0, null, EngineClock.now(), null, channel);
      log.record(notification);
      delivery.schedule(notification, processDefinitionId);
      LOG.info("{}: {} post to {} recorded; it is posted once this step commits", number, event, channel.value());
    }
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

  /**
   * As {@link #notify(IncidentEvent, Map, String, String)}, to {@code audiences} instead of the event's default.
   * Audiences of each {@link Reader} get a mail of their own, written for them: when the caller and the staff are
   * told of the same event, two notifications are decided and recorded, each with its Message-ID.
   */
  public void notify(IncidentEvent event, Map<String, Object> incident, Set<Audience> audiences,
      String processInstanceId, String processDefinitionId) {
    String number = IncidentData.of(incident).number();
    for (Reader reader : Reader.values()) {
      Set<Audience> theirs = EnumSet.noneOf(Audience.class);
      audiences.stream().filter(audience -> audience.reader() == reader).forEach(theirs::add);
      if (theirs.isEmpty()) {
        continue;
      }
      String template = event.template(reader);
      if (template == null) {
        LOG.warn("{}: no {} notification to {}: the event has no text for the {}", number, event, theirs, reader);
        continue;
      }
      List<String> recipients = recipients(event, incident, theirs, number);
      if (!recipients.isEmpty()) {
        decide(event, reader, template, incident, recipients, processInstanceId, processDefinitionId);
      }
    }
  }

  /** Records one notification, its message rendered for {@code reader}, and schedules its delivery. */
  private void decide(IncidentEvent event, Reader reader, String template, Map<String, Object> incident,
      List<String> recipients, String processInstanceId, String processDefinitionId) {
    String number = IncidentData.of(incident).number();
    String id = UUID.randomUUID().toString();
    Instant now = EngineClock.now();
    MailWriter.Envelope envelope = new MailWriter.Envelope(number, event, recipients, subject(event, incident),
        writer.messageId(number, event, reader, id), now, IncidentData.of(incident).text(CALLER_MESSAGE_ID));
    String message = writer.write(envelope, template, draft(event, reader, incident));
    Notification notification = new Notification(id, number, processInstanceId, event, recipients,
        envelope.subject(), envelope.messageId(), message, CommunicationLog.Status.PENDING, 0, null, now, null,
        Channel.MAIL);
    log.record(notification);
    delivery.schedule(notification, processDefinitionId);
    LOG.info("{}: {} notification to {} recorded; it is sent once this step commits", number, event, recipients);
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
        case STAKEHOLDERS -> {
          Object service = incident.get(IncidentVariables.AFFECTED_SERVICE);
          String addresses = stakeholders.addresses().get(String.valueOf(service));
          for (String address : addresses == null ? new String[] {null} : addresses.split(",")) {
            addIfPresent(recipients, address, number, event, "the stakeholders of " + service);
          }
        }
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

  /**
   * The values and attachments of the mail for {@code reader}: the incident and the event, the labels of its
   * values, and what the features add ({@link MailContent}).
   */
  private MailDraft draft(IncidentEvent event, Reader reader, Map<String, Object> incident) {
    Map<String, Object> model = new HashMap<>();
    model.put("incident", incident);
    model.put("event", event);
    model.put("tasklistUrl", applicationUrl.base() + "/camunda/app/tasklist/");
    model.put("formats", DisplayFormats.INSTANCE);
    model.put("labels", labels);
    MailDraft draft = new MailDraft(model, reader);
    contents.forEach(content -> content.addTo(event, incident, draft));
    return draft;
  }
}
