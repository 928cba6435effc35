package io.incidentflow.triage;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.ASSIGNMENT_GROUP;
import static io.incidentflow.incident.IncidentVariables.CATEGORY;
import static io.incidentflow.incident.IncidentVariables.CHANNEL;
import static io.incidentflow.incident.IncidentVariables.DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.incidentflow.DecisionTables;
import io.incidentflow.incident.CodeList;
import io.incidentflow.incident.Codes.Category;
import io.incidentflow.incident.Codes.SupportGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the routing of {@code dmn/IncidentCategorization.dmn} with texts as callers write them:
 * every rule is hit by at least one case, and each case names the rule it expects, so a rule that is
 * shadowed by an earlier one (the table's hit policy is FIRST) fails here rather than in production.
 */
class IncidentCategorizationDecisionTest {

  /** The current test's evaluations as an engine listener saw them: the matched rule, the evaluated inputs. */
  private static final List<DmnDecisionTableEvaluationEvent> evaluations = new ArrayList<>();

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(evaluations::add))
        .buildEngine();
    decision = DecisionTables.parse(engine, "IncidentCategorization");
  }

  @BeforeEach
  void forgetEarlierEvaluations() {
    evaluations.clear();
  }

  /** One incident as reported, the rule that should catch it and what it should decide. */
  record Case(String rule, String shortDescription, String description, String service, String channel,
      String category, String assignmentGroup) {

    @Override
    public String toString() {
      return rule + ": \"" + shortDescription + "\" (" + service + ", " + channel + ")";
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("Rule_Phishing", "Clicked a link in a suspicious email pretending to be HR",
            "It asked for my network password and I typed it in before I noticed.", "email", "phone",
            "security", "security-operations"),
        new Case("Rule_Phishing", "PHISHING mail with a fake parcel invoice", null, "other", "portal",
            "security", "security-operations"),
        new Case("Rule_Malware", "Files on the S: drive renamed to .locked",
            "A ransomware note asks for bitcoin.", "workstation", "phone",
            "security", "security-operations"),
        new Case("Rule_Malware", "Pop-ups everywhere, I think my laptop has a virus", "", "workstation", "chat",
            "security", "security-operations"),
        new Case("Rule_CompromisedAccount", "My CRM account was hacked",
            "Someone sent offers in my name to three customers overnight.", "crm", "email",
            "security", "security-operations"),
        new Case("Rule_SuspiciousLogin", "Unusual sign-in to my account from Brazil",
            "The security alert says someone signed in at 3am, it was not me.", "identity", "portal",
            "security", "security-operations"),
        new Case("Rule_NetworkService", "Whole floor 2 cannot reach any server", null, "network", "phone",
            "network", "network-support"),
        new Case("Rule_NetworkService", "VPN drops every 10 minutes from home office",
            "Reconnecting works, then it drops again.", "vpn", "portal",
            "network", "network-support"),
        new Case("Rule_BusinessApplicationService", "Outlook keeps asking for my password after the update",
            null, "email", "phone", "software", "application-support"),
        new Case("Rule_BusinessApplicationService", "Orders table deadlock in ERP database",
            "Posting a sales order hangs for a minute, then times out.", "erp", "email",
            "software", "application-support"),
        new Case("Rule_BusinessApplicationService", "Public website shows a certificate warning",
            "Alert from the synthetic check on the home page.", "website", "monitoring",
            "software", "application-support"),
        new Case("Rule_DatabaseService", "Orders table deadlock in ERP database",
            "Deadlock graph attached; started after the index rebuild.", "database", "monitoring",
            "database", "database-support"),
        new Case("Rule_WorkplaceService", "Printer on floor 3 jams",
            "Every second page gets stuck in tray 2.", "printing", "portal",
            "hardware", "workplace-support"),
        new Case("Rule_WorkplaceService", "Laptop does not boot after the BIOS update", "", "workstation", "phone",
            "hardware", "workplace-support"),
        new Case("Rule_IdentityService", "Account locked after password change", null, "identity", "phone",
            "access", "service-desk"),
        new Case("Rule_OtherNetworkKeywords", "Wi-Fi in meeting room Everest keeps disconnecting", null, "other",
            "portal", "network", "network-support"),
        new Case("Rule_OtherNetworkKeywords", "Intranet addresses do not resolve",
            "Looks like DNS: the IP address works, the name does not.", "other", "chat",
            "network", "network-support"),
        new Case("Rule_OtherDatabaseKeywords", "Nightly report job fails",
            "The SQL job aborts with a deadlock at 02:10.", "other", "email",
            "database", "database-support"),
        new Case("Rule_OtherHardwareKeywords", "Second monitor flickers when docked", null, "other", "chat",
            "hardware", "workplace-support"),
        new Case("Rule_OtherHardwareKeywords", "I need a new monitor", null, "other", "portal",
            "hardware", "workplace-support"),
        new Case("Rule_MonitoringAlert", "[FIRING] HighCpuLoad on app-node-3",
            "CPU above 95% for 10 minutes.", "other", "monitoring",
            "monitoring", "service-desk"),
        new Case("Rule_MonitoringAlert", "Monitoring alert: disk usage above 90% on fileserver-2", null, "other",
            "monitoring", "monitoring", "service-desk"),
        new Case("Rule_Default", "How do I order a software licence for a new colleague?", null, "other", "portal",
            "inquiry", "service-desk"),
        new Case("Rule_Default", "Something is off since this morning", null, null, null,
            "inquiry", "service-desk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void routesTheIncidentByTheExpectedRule(Case incident) {
    DmnDecisionTableResult result = evaluate(incident.shortDescription(), incident.description(),
        incident.service(), incident.channel());

    assertThat(matchedRule()).isEqualTo(incident.rule());
    assertThat(result.getSingleResult().getEntryMap()).containsOnly(
        entry(CATEGORY, incident.category()), entry(ASSIGNMENT_GROUP, incident.assignmentGroup()));
  }

  @Test
  void everyRuleOfTheTableHasACase() throws IOException {
    List<String> covered = cases().map(Case::rule).distinct().toList();

    assertThat(covered).containsExactlyElementsOf(tableRules().stream().map(Rule::getId).toList());
  }

  @ParameterizedTest(name = "{0} -> {1}, {2}")
  @CsvSource({
      "network,     network,  network-support",
      "vpn,         network,  network-support",
      "email,       software, application-support",
      "erp,         software, application-support",
      "crm,         software, application-support",
      "website,     software, application-support",
      "database,    database, database-support",
      "workstation, hardware, workplace-support",
      "printing,    hardware, workplace-support",
      "identity,    access,   service-desk",
      "other,       inquiry,  service-desk"
  })
  void routesEveryServiceOfTheCatalog(String service, String category, String assignmentGroup) {
    DmnDecisionTableResult result = evaluate("It stopped working this morning", null, service, "portal");

    assertThat(result.getSingleResult().getEntryMap())
        .containsOnly(entry(CATEGORY, category), entry(ASSIGNMENT_GROUP, assignmentGroup));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"email", "vpn", "network", "erp", "crm", "website", "database", "workstation",
      "printing", "identity", "other"})
  void securityKeywordsWinWhateverTheService(String service) {
    DmnDecisionTableResult result = evaluate("Got a phishing mail and opened the attachment", null, service, "email");

    assertThat(result.getSingleResult().getEntryMap())
        .containsOnly(entry(CATEGORY, "security"), entry(ASSIGNMENT_GROUP, "security-operations"));
  }

  @Test
  void findsKeywordsInTheDescriptionToo() {
    DmnDecisionTableResult result = evaluate("Strange pop-ups in the browser",
        "The browser start page changed by itself, looks like malware to me.", "workstation", "portal");

    assertThat(result.getSingleResult().getEntryMap())
        .containsOnly(entry(CATEGORY, "security"), entry(ASSIGNMENT_GROUP, "security-operations"));
  }

  @Test
  void readsTheShortDescriptionAloneWhenThereIsNoDescription() {
    evaluate("VPN drops every 10 MINUTES", null, "vpn", "portal");
    assertThat(evaluatedText()).isEqualTo("vpn drops every 10 minutes");

    evaluate("VPN drops every 10 MINUTES", "", "vpn", "portal");
    assertThat(evaluatedText()).isEqualTo("vpn drops every 10 minutes ");
  }

  /** The process may evaluate the table before anyone set a description, a service or a channel. */
  @Test
  void treatsVariablesThatWereNeverSetAsEmpty() {
    DmnDecisionTableResult withoutDescription = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue(SHORT_DESCRIPTION, "Laptop keyboard lost two keys")
        .putValue(AFFECTED_SERVICE, "other")
        .putValue(CHANNEL, "portal"));
    assertThat(withoutDescription.getSingleResult().getEntryMap())
        .containsOnly(entry(CATEGORY, "hardware"), entry(ASSIGNMENT_GROUP, "workplace-support"));

    DmnDecisionTableResult withoutAnything = engine.evaluateDecisionTable(decision, Variables.createVariables());
    assertThat(evaluatedText()).isEmpty();
    assertThat(withoutAnything.getSingleResult().getEntryMap())
        .containsOnly(entry(CATEGORY, "inquiry"), entry(ASSIGNMENT_GROUP, "service-desk"));
  }

  /** Triage refuses values outside the code lists, so the table must never decide one. */
  @Test
  void decidesOnlyCategoriesAndGroupsThatTriageAccepts() throws IOException {
    List<Rule> rules = tableRules();
    List<String> categories = rules.stream().map(rule -> outputOf(rule, 0)).distinct().toList();
    List<String> groups = rules.stream().map(rule -> outputOf(rule, 1)).distinct().toList();

    assertThat(categories).containsExactlyInAnyOrder(
        "security", "network", "software", "database", "hardware", "access", "monitoring", "inquiry");
    assertThat(categories).containsExactlyInAnyOrderElementsOf(CodeList.values(Category.class));
    assertThat(CodeList.values(SupportGroup.class)).containsAll(groups);
  }

  private static DmnDecisionTableResult evaluate(String shortDescription, String description, String service,
      String channel) {
    VariableMap variables = Variables.createVariables()
        .putValue(SHORT_DESCRIPTION, shortDescription)
        .putValue(DESCRIPTION, description)
        .putValue(AFFECTED_SERVICE, service)
        .putValue(CHANNEL, channel);
    return engine.evaluateDecisionTable(decision, variables);
  }

  private static String matchedRule() {
    assertThat(evaluations).hasSize(1);
    assertThat(evaluations.get(0).getMatchingRules()).hasSize(1);
    return evaluations.get(0).getMatchingRules().get(0).getId();
  }

  /** The incident text as the table's first input expression made it, lower case. */
  private static String evaluatedText() {
    DmnDecisionTableEvaluationEvent last = evaluations.get(evaluations.size() - 1);
    return (String) last.getInputs().get(0).getValue().getValue();
  }

  private static List<Rule> tableRules() throws IOException {
    return DecisionTables.rules("IncidentCategorization");
  }

  /** The value of a rule's output column, without the FEEL string quotes. */
  private static String outputOf(Rule rule, int column) {
    List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
    return entries.get(column).getText().getTextContent().replace("\"", "");
  }
}
