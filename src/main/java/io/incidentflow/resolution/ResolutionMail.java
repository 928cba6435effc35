package io.incidentflow.resolution;

import io.incidentflow.closure.ClosureSettings;
import io.incidentflow.incident.DisplayFormats;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.MailContent;
import io.incidentflow.notification.MailDraft;
import io.incidentflow.notification.Reader;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the caller's resolution mail ({@code RESOLVED}) says beyond the incident: the links that confirm or reject
 * the resolution (the caller answers with a click, no account needed), issued once, with the notification, and
 * the date it closes by itself when nobody answers. The links are the caller's alone: no mail to the staff gets
 * them.
 */
@Component
public class ResolutionMail implements MailContent {

  private final ResolutionLinks links;
  private final ClosureSettings closure;

  public ResolutionMail(ResolutionLinks links, ClosureSettings closure) {
    this.links = links;
    this.closure = closure;
  }

  @Override
  public void addTo(IncidentEvent event, Map<String, Object> incident, MailDraft mail) {
    if (event == IncidentEvent.RESOLVED && mail.reader() == Reader.CALLER) {
      mail.put("autoCloseAt", DisplayFormats.INSTANCE.time(
          EngineClock.now().plus(closure.autoClosePeriod())));
      mail.put("confirmation", links.issue(IncidentData.of(incident).number()));
    }
  }
}
