package io.incidentflow.notification;

import java.util.EnumSet;
import java.util.Set;

/**
 * What happened to an incident that someone is told about, who is told by default, and the subject
 * line's tail. The process model names the event of each send task ({@code notificationEvent}); the
 * templates are {@code templates/mail/<template>.html} and {@code .txt}, written for the {@link Reader} of
 * the event's audiences. An event told to the caller and the staff alike ({@code CLOSED}) has a text for each:
 * {@code <template>} for the caller, {@code <template>-staff} for the staff. The SLA events go to whom the
 * DMN {@code IncidentEscalation} names; their default audience is the assignee.
 */
public enum IncidentEvent {
  REPORTED("reported", "We have received your incident", Audience.CALLER),
  ROUTED("routed", "Assigned to your group", Audience.GROUP),
  AWAITING_CALLER("awaiting-caller", "We need information from you", Audience.CALLER),
  RESOLVED("resolved", "Resolved: please confirm", Audience.CALLER),
  REOPENED("reopened", "Reopened: the caller rejected the resolution", Audience.GROUP),
  CLOSED("closed", "Closed", Audience.CALLER, Audience.GROUP),
  RESPONSE_BREACHED("sla-threshold", "Response SLA breached: nobody has taken it", Audience.ASSIGNEE),
  RESOLUTION_WARNING("sla-threshold", "SLA warning: the resolution is due soon", Audience.ASSIGNEE),
  RESOLUTION_BREACHED("sla-threshold", "Resolution SLA breached", Audience.ASSIGNEE),
  ALERT_CLEARED("alert-cleared", "Monitoring: the alert has cleared", Audience.GROUP),
  COMMENTED("commented", "A message from the service desk", Audience.CALLER),
  GROUP_ENGAGED("major-engaged", "Major incident: your group is engaged", Audience.GROUP),
  STAKEHOLDER_UPDATE("stakeholder-update", "Major incident update", Audience.STAKEHOLDERS),
  UPDATE_OVERDUE("update-overdue", "Major incident: the stakeholder update is overdue", Audience.ASSIGNEE);

  private final String template;
  private final String title;
  private final Set<Audience> audiences;

  IncidentEvent(String template, String title, Audience first, Audience... more) {
    this.template = template;
    this.title = title;
    this.audiences = EnumSet.of(first, more);
  }

  /** The event of an SLA threshold: {@code slaType} response | resolution, {@code threshold} warning | breach. */
  public static IncidentEvent ofThreshold(String slaType, String threshold) {
    return switch (slaType + "/" + threshold) {
      case "response/breach" -> RESPONSE_BREACHED;
      case "resolution/warning" -> RESOLUTION_WARNING;
      case "resolution/breach" -> RESOLUTION_BREACHED;
      default -> throw new IllegalArgumentException("No SLA threshold '" + threshold + "' of the " + slaType
          + " clock: the model knows response/breach, resolution/warning and resolution/breach");
    };
  }

  /** The event's name in its mails' Message-IDs, and the template of its only (or its caller's) text. */
  public String template() {
    return template;
  }

  /**
   * The template of the mail written for {@code reader}; null when the event has no text for that reader (its
   * default audiences have none of that kind), so that no caller ever gets a text written for the staff.
   */
  public String template(Reader reader) {
    boolean written = audiences.stream().anyMatch(audience -> audience.reader() == reader);
    boolean both = audiences.stream().map(Audience::reader).distinct().count() > 1;
    if (!written) {
      return null;
    }
    return both && reader == Reader.STAFF ? template + "-staff" : template;
  }

  public String title() {
    return title;
  }

  /** Who is told when the process model does not say otherwise. */
  public Set<Audience> audiences() {
    return EnumSet.copyOf(audiences);
  }
}
