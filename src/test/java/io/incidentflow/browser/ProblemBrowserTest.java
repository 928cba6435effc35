package io.incidentflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.problem.ProblemDriver;
import io.incidentflow.problem.ProblemRaising;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Problem management in a real Chromium: pete (problem-managers) investigates a problem and publishes its
 * workaround in Tasklist; bob (network-support) finds the known error offered on a new incident's investigation
 * and in the Knowledge search, applies it and resolves the incident with the workaround; pete records the fix,
 * which resolves the first incident by problem. Screenshots go to {@code target/browser-screenshots/}.
 */
@Tag("browser")
@IncidentFlowTest
class ProblemBrowserTest extends IncidentFlowTestBase {

  @LocalServerPort
  int port;
  @Autowired
  ProblemRaising raising;

  @Test
  void aProblemManagerPublishesAWorkaround_andAnAgentAppliesIt() throws Exception {
    Browser.drive(port, "problem", this::journey);
  }

  private void journey(Browser browser) throws Exception {
    ProblemDriver problems = new ProblemDriver(runtime, tasks, management, history, incidents);
    String marker = "Zulu" + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance first = problems.routed("vpn", "inquiry", "network-support",
        "VPN tunnel " + marker + " drops every hour");
    String number = raising.raise("VPN tunnel " + marker + " drops every hour", "Callers lose the tunnel hourly.",
        "vpn", List.of(incidents.number(first)), "dave", "api");

    // pete investigates the problem and publishes its workaround.
    browser.login("tasklist", "pete");
    browser.filter("Problems");
    browser.openTask(number, "Investigate root cause");
    browser.screenshot("pete-finds-the-problem");
    claim(browser, "pete", number);
    browser.fill("rootCause", "The concentrator's firmware drops idle sessions after 60 minutes.");
    browser.choose("A workaround is known");
    browser.screenshot("pete-records-the-root-cause");
    browser.complete();
    browser.filter("Problems");
    browser.openTask(number, "Publish workaround");
    claim(browser, "pete", number);
    browser.fill("symptom", "The VPN tunnel " + marker + " drops about every hour; reconnecting works");
    browser.fill("workaround", "Switch the VPN client to the TCP profile " + marker + ".");
    browser.screenshot("pete-publishes-the-workaround");
    browser.complete();
    problems.runJobs(number);
    assertThat(runtime.getVariable(problems.problem(number).getId(), "problemStatus")).isEqualTo("KNOWN_ERROR");

    // bob gets a new incident with the same symptom: the form offers the known error, Knowledge finds it.
    ProcessInstance later = problems.routed("vpn", "inquiry", "network-support",
        "My VPN tunnel " + marker + " drops every hour");
    String laterNumber = incidents.number(later);
    browser.login("tasklist", "bob");
    browser.clickCss(".ifk-open");
    browser.type("input[name=ifk-query]", marker + " tunnel");
    browser.clickCss("button[name=ifk-search]");
    browser.waitForTextIn(".ifk-article", number);
    assertThat(browser.textOf(".ifk-article")).contains("Switch the VPN client to the TCP profile " + marker);
    browser.screenshot("bob-searches-the-knowledge");
    browser.button("Close");
    browser.filter("My group's incidents");
    browser.openTask(laterNumber, "Investigate incident");
    browser.waitForText("Known errors that match this incident");
    assertThat(browser.pageText()).contains(number, "Switch the VPN client to the TCP profile " + marker);
    browser.screenshot("bob-sees-the-known-error");
    browser.button("Claim");
    browser.waitUntil("bob's claim makes the incident IN_PROGRESS",
        () -> "IN_PROGRESS".equals(runtime.getVariable(later.getId(), "status")));
    browser.fill("knownErrorNumber", number);
    browser.choose("Resolved");
    browser.pick("resolutionCode", "Workaround provided");
    browser.fill("resolutionNotes", "Switched the caller's VPN client to the TCP profile; the fix follows.");
    browser.screenshot("bob-applies-the-known-error");
    browser.complete();
    assertThat(runtime.getVariable(later.getId(), "status")).isEqualTo("RESOLVED");
    assertThat(runtime.getVariable(later.getId(), "problemNumber")).isEqualTo(number);

    // pete records the fix: the first incident is resolved by the problem, its caller asked to confirm.
    browser.login("tasklist", "pete");
    browser.filter("Problems");
    browser.openTask(number, "Record fix");
    claim(browser, "pete", number);
    browser.fill("fixDescription", "Firmware 9.2 keeps idle sessions.");
    browser.fill("changeReference", "CHG0004711");
    browser.screenshot("pete-records-the-fix");
    browser.complete();
    problems.runJobs(number);
    assertThat(runtime.getVariable(first.getId(), "status")).isEqualTo("RESOLVED");
    assertThat(runtime.getVariable(first.getId(), "resolvedThrough")).isEqualTo(number);
  }

  /** Claims the open task and waits until the engine has it: Tasklist renders the form again after a claim. */
  private void claim(Browser browser, String user, String business) throws Exception {
    browser.button("Claim");
    browser.waitUntil(user + " has the task of " + business, () -> tasks.createTaskQuery().processInstanceBusinessKey(business)
        .taskAssignee(user).count() == 1);
    browser.screenshot("claimed");
  }
}
