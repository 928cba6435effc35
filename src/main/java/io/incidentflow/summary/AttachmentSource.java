package io.incidentflow.summary;

import java.util.List;

/**
 * A feature that keeps files with incidents (the attachments of a mail that reported one or replied to it): a
 * Spring bean of this type lists them in the incident's record.
 */
public interface AttachmentSource {

  /** The files of incident {@code incidentNumber}, oldest first. */
  List<IncidentDetail.Attachment> attachmentsOf(String incidentNumber);
}
