package io.incidentflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An incident from report to closed, done the way the demo users do it: in Tasklist and Cockpit, in a
 * real Chromium. Screenshots of every step go to {@code target/browser-screenshots/}.
 */
@Tag("browser")
@IncidentFlowTest
class TasklistJourneyBrowserTest extends IncidentFlowTestBase {

  private static final String MY_GROUPS = "My group's incidents";

  @LocalServerPort
  int port;

  @Test
  void anIncidentFromReportToClosed() throws Exception {
    Browser.drive(port, "journey", this::journey);
  }

  private void journey(Browser browser) throws Exception {
    String shortDescription = "Branch office Hamburg has no network " + UUID.randomUUID().toString().substring(0, 8);

    // alice reports the incident; an empty form is refused first.
    browser.login("tasklist", "alice");
    browser.screenshot("alice-logged-in");
    browser.click("Start process");
    browser.click("Incident management");
    browser.button("Start");
    assertThat(browser.validationMessages()).hasSizeGreaterThanOrEqualTo(7).allMatch(m -> m.contains("required"));
    browser.screenshot("report-submitted-empty");
    browser.fill("shortDescription", shortDescription);
    browser.fill("description", "All 12 workstations lost the network at 09:10; the switch LEDs are dark.");
    browser.fill("callerName", "Jane Doe");
    browser.fill("callerEmail", "jane.doe@example.com");
    browser.pick("affectedService", "Network");
    browser.choose("High: many users");
    browser.choose("Medium: work is hampered");
    browser.screenshot("report-filled");
    browser.button("Start");
    browser.waitForText("The process has been started");
    ProcessInstance incident = runtime.createProcessInstanceQuery()
        .variableValueEquals("shortDescription", shortDescription).singleResult();
    String number = incident.getBusinessKey();
    assertThat(number).matches("INC\\d{7}");
    assertThat(status(incident)).isEqualTo("NEW");

    // alice triages it to network-support: it leaves her group's queue; she still sees it among all open ones.
    browser.click(MY_GROUPS);
    browser.openTask(number, "P2 High", "Triage incident");
    browser.button("Claim");
    browser.choose("Route to the assignment group");
    browser.screenshot("triage-route");
    browser.complete();
    assertThat(status(incident)).isEqualTo("ASSIGNED");
    browser.login("tasklist", "alice");
    browser.click(MY_GROUPS);
    browser.screenshot("alice-no-longer-has-it");
    assertThat(browser.listsTask(number)).isFalse();
    browser.click("All open incidents");
    assertThat(browser.listsTask(number)).isTrue();

    // bob finds it in his group's filter, claims it, puts it on hold, resumes and resolves it.
    browser.login("tasklist", "bob");
    browser.click(MY_GROUPS);
    browser.openTask(number, "Investigate incident");
    browser.screenshot("bob-finds-it");
    browser.button("Claim");
    browser.waitUntil("bob's claim makes the incident IN_PROGRESS", () -> "IN_PROGRESS".equals(status(incident)));
    browser.choose("Put on hold");
    browser.pick("onHoldReason", "Awaiting the caller");
    browser.fill("onHoldNote", "Does the switch in the server room show any LED after a power cycle?");
    browser.screenshot("bob-puts-on-hold");
    browser.complete();
    assertThat(status(incident)).isEqualTo("ON_HOLD");
    browser.click(MY_GROUPS);
    browser.openTask(number, "Await information");
    browser.screenshot("bob-awaits-information");
    browser.complete();
    assertThat(status(incident)).isEqualTo("IN_PROGRESS");
    browser.click(MY_GROUPS);
    browser.openTask(number, "Investigate incident");
    browser.choose("Resolved");
    browser.pick("resolutionCode", "Hardware replaced");
    browser.fill("resolutionNotes", "Replaced the failed PoE switch; all 12 workstations are back online.");
    browser.screenshot("bob-resolves");
    browser.complete();
    assertThat(status(incident)).isEqualTo("RESOLVED");

    // demo finds the instance in Cockpit by its incident number, among others.
    String other = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport()).getBusinessKey();
    browser.login("cockpit", "demo");
    browser.go("/camunda/app/cockpit/default/#/processes");
    browser.click("Incident management");
    browser.searchCockpit("Business Key", number);
    browser.waitForText(incident.getId());
    browser.screenshot("cockpit-finds-it-by-number");
    assertThat(browser.pageText()).contains(number).doesNotContain(other);

    // alice records the caller's confirmation; the incident is closed, as the REST API tells.
    browser.login("tasklist", "alice");
    browser.click(MY_GROUPS);
    browser.openTask(number, "Confirm resolution");
    browser.button("Claim");
    browser.choose("Yes: the incident is resolved");
    browser.screenshot("alice-confirms");
    browser.complete();
    // The closure summary goes out by mail in a job of its own; the job executor is off in tests.
    incidents.sendNotifications(incident);

    JsonNode history = http.withBasicAuth("demo", "demo").getForObject(
        "/engine-rest/history/variable-instance?processInstanceId=" + incident.getId() + "&variableName=status",
        JsonNode.class);
    assertThat(history.get(0).get("value").asText()).isEqualTo("CLOSED");
    JsonNode instance = http.withBasicAuth("demo", "demo").getForObject(
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number, JsonNode.class);
    assertThat(instance.get(0).get("state").asText()).isEqualTo("COMPLETED");
  }

  private String status(ProcessInstance incident) {
    return (String) runtime.getVariable(incident.getId(), "status");
  }
}
