package io.incidentflow.summary;

import java.util.List;

/**
 * A feature that adds to an incident's timeline what it alone records, such as the alerts behind a
 * monitoring incident: a Spring bean of this type is asked for every incident the API or Tasklist shows.
 */
public interface TimelineSource {

  /** The entries of incident {@code incidentNumber}, in any order. */
  List<IncidentDetail.TimelineEntry> timelineOf(String incidentNumber);
}
