package io.incidentflow.notification;

/**
 * Who reads a mail, which decides how it is written. The caller gets texts written for him: the words of the
 * catalogue of labels, no internal value, no guess of a group before triage, no agent's user id, no closure
 * record. The staff (group addresses, the assignee, group leads, incident managers) get the internal detail
 * too. An event told to both is two mails, one for each, decided and recorded together.
 */
public enum Reader {
  CALLER,
  STAFF
}
