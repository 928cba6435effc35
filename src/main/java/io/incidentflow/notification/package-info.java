/**
 * Notifications: who is told what, mails decided and recorded in the transaction of the step that causes
 * them and sent after it commits, exactly once. Below the features: it imports none of them; a feature adds
 * to a mail through {@link io.incidentflow.notification.MailContent}.
 */
package io.incidentflow.notification;
