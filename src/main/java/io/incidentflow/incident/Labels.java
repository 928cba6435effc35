package io.incidentflow.incident;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;
import static io.incidentflow.incident.IncidentVariables.CHANNEL;
import static io.incidentflow.incident.IncidentVariables.IMPACT;
import static io.incidentflow.incident.IncidentVariables.INVESTIGATION_OUTCOME;
import static io.incidentflow.incident.IncidentVariables.ON_HOLD_REASON;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_CODE;
import static io.incidentflow.incident.IncidentVariables.STATUS;
import static io.incidentflow.incident.IncidentVariables.TRIAGE_DECISION;
import static io.incidentflow.incident.IncidentVariables.URGENCY;

import io.incidentflow.incident.Codes.AffectedService;
import io.incidentflow.incident.Codes.Category;
import io.incidentflow.incident.Codes.Channel;
import io.incidentflow.incident.Codes.InvestigationOutcome;
import io.incidentflow.incident.Codes.Level;
import io.incidentflow.incident.Codes.OnHoldReason;
import io.incidentflow.incident.Codes.ResolutionCode;
import io.incidentflow.incident.Codes.SupportGroup;
import io.incidentflow.incident.Codes.TriageDecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The one catalogue of the words people read for the values of an incident ({@code labels.properties}):
 * {@code ON_HOLD} is "On hold", {@code configuration-change} "Configuration change", {@code network-support}
 * "Network support". Mails, the closure record and the API's {@code GET /api/labels} say what it says, and the
 * Camunda Forms' options are held to it by a test, so that Tasklist, mails and records use the same words.
 * Fields are the process variables of DESIGN.md; values are those the process stores.
 */
@Component
public class Labels {

  static final String RESOURCE = "labels.properties";
  /** The section that names the fields themselves ({@code field.assignmentGroup=Assignment group}). */
  private static final String FIELD = "field";

  /** Every field with a closed set of values, in the order a client lists them, with its values in order. */
  public static final Map<String, List<String>> VALUE_SETS = valueSets();

  private final Map<String, Map<String, String>> catalogue;
  private final Map<String, String> fieldNames;

  /** The catalogue of {@value #RESOURCE} on the classpath. */
  public Labels() {
    this(RESOURCE);
  }

  /**
   * The catalogue in the classpath resource {@code resource}; a key that names no known field or value stops
   * the application, so that a typo does not silently show a raw value.
   */
  Labels(String resource) {
    Properties entries = read(resource);
    Map<String, String> names = new LinkedHashMap<>();
    for (String key : entries.stringPropertyNames()) {
      int dot = key.indexOf('.');
      String field = dot < 0 ? key : key.substring(0, dot);
      String value = key.substring(dot + 1);
      if (FIELD.equals(field) && VALUE_SETS.containsKey(value)) {
        names.put(value, entries.getProperty(key));
      } else if (dot < 0 || !VALUE_SETS.getOrDefault(field, List.of()).contains(value)) {
        throw new IllegalStateException(resource + ": '" + key + "' names no value of a known field; the fields and"
            + " their values are " + VALUE_SETS);
      }
    }
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    VALUE_SETS.forEach((field, values) -> {
      Map<String, String> labels = new LinkedHashMap<>();
      values.forEach(value -> labels.put(value, entries.getProperty(field + "." + value, value)));
      all.put(field, Collections.unmodifiableMap(labels));
    });
    this.catalogue = Collections.unmodifiableMap(all);
    this.fieldNames = Collections.unmodifiableMap(names);
  }

  /**
   * The label of {@code value} in {@code field}, e.g. {@code label("status", "ON_HOLD")} is "On hold"; the value
   * as text where the catalogue has no label for it; null only for null.
   */
  public String label(String field, Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value);
    return catalogue.getOrDefault(field, Map.of()).getOrDefault(text, text);
  }

  /** The name of a field as a document shows it: {@code assignmentGroup} is "Assignment group". */
  public String field(String name) {
    return fieldNames.getOrDefault(name, name);
  }

  /** Every field's values and their labels, fields and values in the order of {@link #VALUE_SETS}. */
  public Map<String, Map<String, String>> all() {
    return catalogue;
  }

  private static Properties read(String resource) {
    Properties entries = new Properties();
    try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The catalogue of labels " + resource + " is not on the classpath");
      }
      entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("The catalogue of labels " + resource + " cannot be read", e);
    }
    return entries;
  }

  private static Map<String, List<String>> valueSets() {
    Map<String, List<String>> sets = new LinkedHashMap<>();
    sets.put(STATUS, Arrays.stream(IncidentStatus.values()).map(Enum::name).toList());
    // The priorities that the DMN IncidentPriority decides.
    sets.put(PRIORITY, IntStream.rangeClosed(1, 5).mapToObj(String::valueOf).toList());
    sets.put(IMPACT, CodeList.values(Level.class));
    sets.put(URGENCY, CodeList.values(Level.class));
    sets.put(CHANNEL, CodeList.values(Channel.class));
    sets.put(AFFECTED_SERVICE, CodeList.values(AffectedService.class));
    sets.put(CATEGORY, CodeList.values(Category.class));
    sets.put(ASSIGNMENT_GROUP, CodeList.values(SupportGroup.class));
    sets.put(RESOLUTION_CODE, CodeList.values(ResolutionCode.class));
    sets.put(ON_HOLD_REASON, CodeList.values(OnHoldReason.class));
    sets.put(TRIAGE_DECISION, CodeList.values(TriageDecision.class));
    sets.put(INVESTIGATION_OUTCOME, CodeList.values(InvestigationOutcome.class));
    return Collections.unmodifiableMap(sets);
  }
}
