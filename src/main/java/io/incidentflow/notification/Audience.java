package io.incidentflow.notification;

/**
 * Who a notification goes to. The addresses come from the incident ({@code callerEmail}), the agent's
 * user profile, or configuration ({@code incident-flow.notification.group-addresses} and
 * {@code group-leads}). Each is a {@link Reader}: the caller, or the staff.
 */
public enum Audience {
  /** The person who reported the incident. */
  CALLER(Reader.CALLER),
  /** The address of the incident's assignment group. */
  GROUP(Reader.STAFF),
  /** The agent working on the incident; the group when nobody has taken it. */
  ASSIGNEE(Reader.STAFF),
  /** The lead of the incident's assignment group. */
  GROUP_LEAD(Reader.STAFF),
  /** The address of the incident-managers group. */
  INCIDENT_MANAGERS(Reader.STAFF),
  /** The stakeholders of the incident's affected service ({@code incident-flow.notification.stakeholders.addresses}). */
  STAKEHOLDERS(Reader.STAFF);

  private final Reader reader;

  Audience(Reader reader) {
    this.reader = reader;
  }

  /** Whom the mail to this audience is written for. */
  public Reader reader() {
    return reader;
  }
}
