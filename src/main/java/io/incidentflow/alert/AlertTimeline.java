package io.incidentflow.alert;

import io.incidentflow.summary.IncidentDetail.TimelineEntry;
import io.incidentflow.summary.TimelineSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The alerts behind an incident in its timeline: when each fired and how often it recurred (its clearing is
 * monitoring's comment on the incident).
 */
@Component
public class AlertTimeline implements TimelineSource {

  private final OpenAlerts alerts;

  public AlertTimeline(OpenAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public List<TimelineEntry> timelineOf(String incidentNumber) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (OpenAlerts.AlertRecord alert : alerts.of(incidentNumber)) {
      String recurred = alert.occurrences() > 1
          ? ", " + alert.occurrences() + " occurrences, the last at " + alert.lastSeen() : "";
      entries.add(TimelineEntry.of(alert.firstSeen(), "alert", "Alert " + alert.alertName() + " firing" + recurred));
    }
    return entries;
  }
}
