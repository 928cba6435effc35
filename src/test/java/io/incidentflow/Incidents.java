package io.incidentflow;

import java.util.HashMap;
import java.util.Map;

/** Test data: incident reports as a caller would fill in the ReportIncident form ({@link IncidentDriver} reports them). */
public final class Incidents {

  private Incidents() {
  }

  /** A network outage report: routed to network-support, impact and urgency as given. */
  public static Map<String, Object> vpnReport(String impact, String urgency) {
    Map<String, Object> report = new HashMap<>();
    report.put("shortDescription", "VPN drops every 10 minutes from home office");
    report.put("description", "Since this morning the VPN client disconnects every ten minutes; reconnecting works.");
    report.put("callerName", "Jane Doe");
    report.put("callerEmail", "jane.doe@example.com");
    report.put("affectedService", "vpn");
    report.put("impact", impact);
    report.put("urgency", urgency);
    report.put("channel", "portal");
    return report;
  }

  /** {@link #vpnReport} with medium impact and high urgency: P2 High. */
  public static Map<String, Object> vpnReport() {
    return vpnReport("medium", "high");
  }
}
