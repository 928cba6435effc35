package io.incidentflow.notification;

import java.util.Map;

/**
 * What a feature adds to the mail of an event it knows: values for the mail's templates, attachments. The
 * notifications know no feature; a feature with something to say in a mail is a Spring bean of this type
 * (the resolution's links in the caller's {@code RESOLVED} mail, the closure record attached to the staff's
 * {@code CLOSED} mail). {@link MailDraft#reader()} says whom the mail is for.
 */
public interface MailContent {

  /** Adds to {@code mail} what this feature has for {@code event} about the incident whose variables are {@code incident}. */
  void addTo(IncidentEvent event, Map<String, Object> incident, MailDraft mail);
}
