package io.incidentflow.notification;

/**
 * What happened to an incident that someone is told about, who is told, and the subject line's tail.
 * The process model names the event of each send task ({@code notificationEvent}); the templates are
 * {@code templates/mail/<template>.html} and {@code .txt}.
 */
public enum IncidentEvent {
  REPORTED("reported", "We have received your incident", true, false),
  ROUTED("routed", "Assigned to your group", false, true),
  AWAITING_CALLER("awaiting-caller", "We need information from you", true, false),
  RESOLVED("resolved", "Resolved: please confirm", true, false),
  REOPENED("reopened", "Reopened: the caller rejected the resolution", false, true),
  CLOSED("closed", "Closed", true, true),
  ALERT_CLEARED("alert-cleared", "Monitoring: the alert has cleared", false, true);

  private final String template;
  private final String title;
  private final boolean toCaller;
  private final boolean toGroup;

  IncidentEvent(String template, String title, boolean toCaller, boolean toGroup) {
    this.template = template;
    this.title = title;
    this.toCaller = toCaller;
    this.toGroup = toGroup;
  }

  public String template() {
    return template;
  }

  public String title() {
    return title;
  }

  public boolean toCaller() {
    return toCaller;
  }

  public boolean toGroup() {
    return toGroup;
  }
}
