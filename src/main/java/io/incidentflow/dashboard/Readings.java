package io.incidentflow.dashboard;

import io.micrometer.core.instrument.Tags;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One reading of the figures from the database: a value for each metric and series (its tags). */
final class Readings {

  static final Readings NONE = new Readings();
  /** The label value of an incident's group or priority that is not known (yet): before triage sets it. */
  static final String UNKNOWN = "none";
  /** The label value of a figure over every group or every priority. */
  static final String ALL = "all";

  private final Map<IncidentFlowMetric, Map<Tags, Double>> values = new EnumMap<>(IncidentFlowMetric.class);

  void put(IncidentFlowMetric metric, Tags tags, double value) {
    values.computeIfAbsent(metric, m -> new LinkedHashMap<>()).put(tags, value);
  }

  void put(IncidentFlowMetric metric, double value) {
    put(metric, Tags.empty(), value);
  }

  /** The value of one series; {@link IncidentFlowMetric#absent()} where this reading had none. */
  double value(IncidentFlowMetric metric, Tags tags) {
    Double value = values.getOrDefault(metric, Map.of()).get(tags);
    return value == null ? metric.absent() : value;
  }

  /** The tags {@code group} and {@code priority} of a series: a value, {@link #ALL} or {@link #UNKNOWN} for null. */
  static Tags groupAndPriority(String group, Object priority) {
    return Tags.of("group", group == null ? UNKNOWN : group, "priority", priority == null ? UNKNOWN
        : priority.toString());
  }

  Map<IncidentFlowMetric, Map<Tags, Double>> series() {
    return Collections.unmodifiableMap(values);
  }
}
