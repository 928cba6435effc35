/**
 * Mail in: reads the service desk's mailbox (IMAP) and turns each mail into an incident, a caller's comment or
 * nothing (an auto-reply, a bounce, our own mail), exactly once, also across restarts and several nodes.
 */
package io.incidentflow.mailin;
