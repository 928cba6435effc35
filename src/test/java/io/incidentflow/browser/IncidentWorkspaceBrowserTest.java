package io.incidentflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import io.incidentflow.notification.MailBodies;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The incident workspace in Tasklist as the service desk and an assignment group use it, in a real Chromium:
 * bob reads the whole incident beside his task, writes a work note and a message to the caller, and uses
 * Tasklist's own Add Comment; the cards show P1..P5 and the SLA; alice finds any incident and sees every
 * open one; the SLA filters; carol of another group finds nothing of it. Screenshots of every step go to
 * {@code target/browser-screenshots/}.
 */
@Tag("browser")
@IncidentFlowTest
class IncidentWorkspaceBrowserTest extends IncidentFlowTestBase {

  private static final String MY_GROUPS = "My group's incidents";

  @LocalServerPort
  int port;

  @Test
  void theIncidentWorkspace() throws Exception {
    Browser.drive(port, "workspace", this::workspace);
  }

  private void workspace(Browser browser) throws Exception {
    // bob's incident: resolved once, rejected by the caller, back with bob.
    ProcessInstance incident = incidents.investigating("bob");
    String number = incident.getBusinessKey();
    incidents.resolve(incident, "configuration-change", "Raised the idle timeout on the concentrator.");
    incidents.confirm(incident, false, "Still drops at 10:15");
    tasks.claim(incidents.task(incident).getId(), "bob");
    incidents.sendNotifications(incident);
    // A P1 nobody took in time: its response SLA is breached.
    ProcessInstance late = incidents.report(Incidents.vpnReport("high", "high"));
    Job responseDue = management.createJobQuery().processInstanceId(late.getId()).activityId("Event_ResponseDue")
        .singleResult();
    ClockUtil.setCurrentTime(responseDue.getDuedate());
    management.executeJob(responseDue.getId());
    ClockUtil.reset();
    mailServer.clear();

    // bob opens his task: the incident record is beside the form.
    browser.login("tasklist", "bob");
    browser.filter(MY_GROUPS);
    browser.openTask(number, "Investigate incident");
    String taskId = incidents.task(incident).getId();
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=incident-record");
    browser.waitForTextIn(".ifw-record h3", number);
    String record = browser.textOf(".ifw-record");
    assertThat(record).contains("Jane Doe", "jane.doe@example.com", "P2 High", "Response", "Resolution",
        "Raised the idle timeout on the concentrator.", "rejected by the caller", "Still drops at 10:15", "bob");
    browser.screenshot("bob-incident-record");

    browser.type("textarea[name=ifw-text]", "Concentrator logs show idle timeouts at 600 s.");
    browser.clickCss("button[name=ifw-note]");
    browser.waitForTextIn(".ifw-timeline li.ifw-note", "Concentrator logs show idle timeouts at 600 s.");
    browser.screenshot("bob-adds-a-work-note");
    browser.type("textarea[name=ifw-text]", "Does it also happen on the office network?");
    browser.clickCss("button[name=ifw-comment]");
    browser.waitForTextIn(".ifw-timeline li.ifw-caller", "Does it also happen on the office network?");
    browser.screenshot("bob-writes-to-the-caller");
    incidents.sendNotifications(incident);
    List<MimeMessage> mails = new ArrayList<>(mailServer.received());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("jane.doe@example.com");
    assertThat(MailBodies.text(mails.get(0))).contains("Does it also happen on the office network?")
        .doesNotContain("idle timeouts");

    // Tasklist's own Add Comment works and is a work note of the incident.
    browser.click("Add Comment");
    browser.type("#comment-form-message", "Called back: the caller is at home today.");
    browser.button("Save");
    browser.waitUntil("the comment is recorded", () -> tasks.getTaskComments(taskId).stream()
        .anyMatch(c -> c.getFullMessage().contains("Called back")));
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-history");
    browser.waitForText("Called back: the caller is at home today.");
    browser.screenshot("bob-history-tab");
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=incident-record");
    browser.waitForTextIn(".ifw-timeline li.ifw-note", "Called back: the caller is at home today.");

    // The cards: P1..P5 instead of a bare number, and the SLA standing.
    browser.waitForTextIn(".ifw-card[data-incident='" + number + "']", "P2 High");
    browser.waitForTextIn(".tasks-list .priority", "P2");
    browser.screenshot("bob-cards-show-priority-and-sla");

    // alice (service desk) sees every open incident, finds any, and has the SLA filters.
    browser.login("tasklist", "alice");
    browser.filter("All open incidents");
    assertThat(browser.listsTask(number)).as("the service desk sees bob's incident (read)").isTrue();
    browser.screenshot("alice-sees-every-open-incident");
    browser.filter("SLA breached");
    browser.waitUntil("the breached P1, and only it, in the list", () -> browser.listText()
        .contains(late.getBusinessKey()) && !browser.listText().contains(number));
    browser.waitForTextIn(".ifw-card[data-incident='" + late.getBusinessKey() + "']", "SLA breached");
    browser.screenshot("alice-sla-breached-filter");
    browser.filter("By SLA time left");
    // Waits for the list itself: the previous filter's list, which shows the same task, is replaced meanwhile.
    browser.waitUntil("the breached P1 in the list by SLA time left", () -> browser.listText()
        .contains(late.getBusinessKey()));
    browser.screenshot("alice-by-sla-time-left");

    browser.clickCss("a.ifw-find");
    browser.type("input[name=ifw-query]", "jane.doe");
    browser.clickCss("button[name=ifw-search]");
    browser.waitForTextIn(".ifw-results", number);
    browser.screenshot("alice-finds-incidents");
    browser.clickCss("tr[data-incident='" + number + "']");
    browser.waitForTextIn(".ifw-dialog .ifw-record", "Concentrator logs show idle timeouts at 600 s.");
    browser.screenshot("alice-opens-a-found-incident");

    // carol's group never had it: she finds nothing of it.
    browser.login("tasklist", "carol");
    browser.clickCss("a.ifw-find");
    browser.type("input[name=ifw-query]", number);
    browser.clickCss("button[name=ifw-search]");
    browser.waitForTextIn(".ifw-dialog", "0 incidents");
    browser.screenshot("carol-finds-nothing-of-it");
    assertThat(incidents.task(incident).getAssignee()).isEqualTo("bob");
    assertThat(runtime.getVariable(incident.getId(), "reopenCount")).isEqualTo(1);
  }
}
