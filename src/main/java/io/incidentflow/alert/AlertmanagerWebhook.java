package io.incidentflow.alert;

import java.util.List;
import java.util.Map;

/**
 * The body Prometheus Alertmanager posts to a webhook receiver (payload version 4): a group of alerts,
 * each firing or resolved, identified by its fingerprint (a hash of its labels, stable across repeats).
 */
public record AlertmanagerWebhook(String version, String groupKey, String status, String receiver,
    Map<String, String> groupLabels, Map<String, String> commonLabels, Map<String, String> commonAnnotations,
    String externalURL, List<Alert> alerts) {

  /** One alert of the group. */
  public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
      String endsAt, String generatorURL, String fingerprint) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /** A label, or "" when the alert has none of that name. */
    String label(String name) {
      return labels == null ? "" : labels.getOrDefault(name, "");
    }

    /** An annotation, or "" when the alert has none of that name. */
    String annotation(String name) {
      return annotations == null ? "" : annotations.getOrDefault(name, "");
    }
  }
}
