package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.DecisionTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The catalogue of labels is complete, and what Tasklist shows says the same: every option of every Camunda
 * Form and every value a form's text names through a label map ({@code get value({"NEW": "New", ...}, status)})
 * reads as the catalogue has it, and the priorities as the DMN IncidentPriority names them.
 */
class LabelCatalogueTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A FEEL context of labels looked up by a field in a form's text: {@code get value({...}, field)}. */
  private static final Pattern LABEL_MAP = Pattern.compile("get value\\((\\{[^}]*})\\s*,\\s*(\\w+)\\)");
  /** Form fields with options that are no value of the incident: yes or no (the caller's, a manager's). */
  private static final Set<String> NOT_IN_THE_CATALOGUE = Set.of("resolutionAccepted", "proposalAccepted");

  private final Labels labels = new Labels();

  @Test
  void everyValueOfEveryField_hasALabel_andTheCatalogueNamesNothingElse() throws IOException {
    Properties file = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(Labels.RESOURCE)) {
      file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> expected = new HashSet<>();
    Labels.VALUE_SETS.forEach((field, values) -> {
      values.forEach(value -> expected.add(field + "." + value));
      expected.add("field." + field);
    });
    assertThat(file.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(expected);
    file.forEach((key, label) -> assertThat((String) label).as("%s", key).isNotBlank());
  }

  @Test
  void aLabel_isTheCataloguesWord_orTheValueItself() {
    assertThat(labels.label("status", "ON_HOLD")).isEqualTo("On hold");
    assertThat(labels.label("status", IncidentStatus.IN_PROGRESS)).isEqualTo("In progress");
    assertThat(labels.label("channel", "email")).isEqualTo("E-mail");
    assertThat(labels.label("resolutionCode", "configuration-change")).isEqualTo("Configuration change");
    assertThat(labels.label("assignmentGroup", "network-support")).isEqualTo("Network support");
    assertThat(labels.label("priority", 2)).isEqualTo("P2 High");
    assertThat(labels.label("resolutionCode", "invented-code")).isEqualTo("invented-code");
    assertThat(labels.label("cancelReason", "duplicate")).isEqualTo("duplicate");
    assertThat(labels.label("status", null)).isNull();
    assertThat(labels.field("assignmentGroup")).isEqualTo("Assignment group");
    assertThat(labels.field("cancelReason")).isEqualTo("cancelReason");
  }

  @Test
  void all_listsTheFieldsAndValuesInTheirOrder() {
    assertThat(labels.all().keySet()).containsExactly("status", "priority", "impact", "urgency", "channel",
        "affectedService", "category", "assignmentGroup", "resolutionCode", "onHoldReason", "triageDecision",
        "investigationOutcome");
    assertThat(labels.all().get("status")).containsExactly(Map.entry("NEW", "New"), Map.entry("ASSIGNED", "Assigned"),
        Map.entry("IN_PROGRESS", "In progress"), Map.entry("ON_HOLD", "On hold"), Map.entry("RESOLVED", "Resolved"),
        Map.entry("CLOSED", "Closed"), Map.entry("CANCELED", "Canceled"));
    assertThat(labels.all().get("onHoldReason")).containsOnlyKeys(CodeList.values(Codes.OnHoldReason.class));
  }

  @Test
  void aTypoInTheCatalogue_stopsTheApplication() {
    assertThatThrownBy(() -> new Labels("labels-with-a-typo.properties")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'resolutionCode.configuration-changed' names no value of a known field");
  }

  @Test
  void everyOptionOfEveryForm_readsAsTheCatalogueSays() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Resource form : forms()) {
      for (JsonNode field : fields(JSON.readTree(form.getInputStream()))) {
        String key = field.path("key").asText();
        if (!field.has("values") || NOT_IN_THE_CATALOGUE.contains(key)) {
          continue;
        }
        assertThat(Labels.VALUE_SETS).as("%s: the options of %s are in the catalogue", form.getFilename(), key)
            .containsKey(key);
        for (JsonNode option : field.get("values")) {
          String value = option.get("value").asText();
          String label = labels.label(key, value);
          assertThat(Labels.VALUE_SETS.get(key)).as("%s: %s is a value of %s", form.getFilename(), value, key)
              .contains(value);
          // A form may explain an option after its label: "High: many users or a whole site".
          assertThat(option.get("label").asText()).as("%s: the option %s of %s", form.getFilename(), value, key)
              .satisfiesAnyOf(text -> assertThat(text).isEqualTo(label), text -> assertThat(text).startsWith(label + ": "));
          checked.add(key + "." + value);
        }
      }
    }
    assertThat(checked).contains("resolutionCode.configuration-change", "impact.high", "channel.email",
        "assignmentGroup.network-support", "onHoldReason.awaiting-caller", "investigationOutcome.on-hold");
  }

  @Test
  void everyLabelMapInAFormsText_isTheCataloguesMap() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Resource form : forms()) {
      for (JsonNode field : fields(JSON.readTree(form.getInputStream()))) {
        Matcher map = LABEL_MAP.matcher(field.path("text").asText());
        while (map.find()) {
          Map<String, String> inForm = JSON.readValue(map.group(1), new TypeReference<LinkedHashMap<String, String>>() { });
          assertThat(inForm).as("%s: the labels of %s", form.getFilename(), map.group(2))
              .isEqualTo(labels.all().get(map.group(2)));
          checked.add(map.group(2));
        }
      }
    }
    assertThat(checked).contains("status", "affectedService", "channel", "onHoldReason", "resolutionCode");
  }

  @Test
  void thePriorities_readAsIncidentPriorityNamesThem() throws IOException {
    DmnDecision decision = DecisionTables.parse("IncidentPriority");
    Set<String> seen = new HashSet<>();
    for (String impact : List.of("high", "medium", "low")) {
      for (String urgency : List.of("high", "medium", "low")) {
        DmnDecisionRuleResult result = DecisionTables.ENGINE.evaluateDecisionTable(decision,
            Map.of("impact", impact, "urgency", urgency)).getSingleResult();
        Object priority = result.get("priority");
        assertThat(labels.label("priority", priority)).as("priority %s", priority)
            .isEqualTo("P" + priority + " " + result.get("priorityLabel"));
        seen.add(String.valueOf(priority));
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(Labels.VALUE_SETS.get("priority"));
  }

  private static Resource[] forms() throws IOException {
    Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form");
    assertThat(forms).hasSizeGreaterThanOrEqualTo(5);
    return forms;
  }

  /** Every component of a form, nested ones too. */
  private static List<JsonNode> fields(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(fields(component));
    }
    return all;
  }
}
