package io.incidentflow.notification;

/**
 * Who a notification goes to. The addresses come from the incident ({@code callerEmail}), the agent's
 * user profile, or configuration ({@code incident-flow.notification.group-addresses} and
 * {@code group-leads}).
 */
public enum Audience {
  /** The person who reported the incident. */
  CALLER,
  /** The address of the incident's assignment group. */
  GROUP,
  /** The agent working on the incident; the group when nobody has taken it. */
  ASSIGNEE,
  /** The lead of the incident's assignment group. */
  GROUP_LEAD,
  /** The address of the incident-managers group. */
  INCIDENT_MANAGERS
}
