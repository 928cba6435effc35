package io.incidentflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.NotificationJobs;
import io.incidentflow.Incidents;
import io.incidentflow.major.MajorIncidentChildren;
import io.incidentflow.major.MajorIncidentProcess;
import io.incidentflow.major.MajorIncidentSettings;
import io.incidentflow.major.MajorIncidentTrigger;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A major incident run by its incident commander, dave (incident-managers), in Tasklist in a real Chromium: he
 * promotes an incident from its Major incident tab, names the communications lead and the groups in the roles form,
 * and sees the roles and their changes on the tab; then he reviews two reports proposed as children in one task and
 * links one. Screenshots go to {@code target/browser-screenshots/}.
 */
@Tag("browser")
@IncidentFlowTest
class MajorIncidentBrowserTest extends IncidentFlowTestBase {

  @LocalServerPort
  int port;
  @Autowired
  MajorIncidentChildren children;
  @Autowired
  MajorIncidentTrigger trigger;

  @AfterEach
  void endMajorIncidents() {
    runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
  }

  @Test
  void theIncidentCommanderRunsAMajorIncident() throws Exception {
    Browser.drive(port, "major-incident", this::journey);
  }

  private void journey(Browser browser) throws Exception {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("shortDescription", "VPN down for all remote staff " + UUID.randomUUID().toString().substring(0, 8));
    ProcessInstance incident = incidents.report(report);
    String number = incident.getBusinessKey();
    String triage = incidents.task(incident).getId();

    // dave opens the incident's triage task and promotes it from the Major incident tab.
    browser.login("tasklist", "dave");
    browser.go("/camunda/app/tasklist/default/#/?task=" + triage + "&detailsTab=major-incident");
    browser.waitForTextIn(".ifw-major h3", number + " is no major incident");
    browser.screenshot("dave-sees-an-ordinary-incident");
    browser.type("textarea[name=ifw-major-reason]", "Every remote worker is cut off");
    browser.clickCss("button[name=ifw-promote]");
    browser.waitForTextIn(".ifw-major h3", "Major incident " + number);
    browser.waitForTextIn("[data-major=incidentCommander]", "dave");
    browser.screenshot("dave-promoted-it");
    ProcessInstance major = runtime.createProcessInstanceQuery().processDefinitionKey(MajorIncidentProcess.KEY)
        .processInstanceBusinessKey(number).singleResult();
    assertThat(major).isNotNull();
    // The job executor is off in tests: the job that runs the major incident after its raising runs here.
    NotificationJobs.run(management, major.getId());

    // In the filter Major incidents, dave names the communications lead and the groups to engage.
    browser.go("/camunda/app/tasklist/default/#/");
    browser.filter("Major incidents");
    browser.openTask(number, "Assign major incident roles");
    browser.screenshot("dave-opens-the-roles");
    browser.fill("communicationsLead", "carol");
    browser.fill("engagedGroups", "network-support, database-support");
    browser.complete();
    browser.waitUntil("the roles are assigned", () -> tasks.createTaskQuery().processInstanceId(major.getId())
        .taskDefinitionKey(MajorIncidentProcess.TASK_RESTORE_SERVICE).count() == 2);

    // The stakeholder update task is carol's now; its Major incident tab shows the roles as they changed hands.
    Task update = tasks.createTaskQuery().processInstanceId(major.getId())
        .taskDefinitionKey(MajorIncidentProcess.TASK_POST_UPDATE).singleResult();
    assertThat(update.getAssignee()).isEqualTo("carol");
    assertThat(update.getName()).startsWith(number + " · P2 High").endsWith("Post stakeholder update");
    browser.go("/camunda/app/tasklist/default/#/?task=" + update.getId() + "&detailsTab=major-incident");
    browser.waitForTextIn("[data-major=communicationsLead]", "carol");
    browser.waitForTextIn("[data-major=engagedGroups]", "network-support, database-support");
    String changes = browser.textOf("[data-major=roleChanges]");
    assertThat(changes).contains("incident-commander", "communications-lead", "engaged-group", "carol", "dave");
    browser.screenshot("dave-sees-the-roles");

    // Two more reports on the VPN are proposed as children (by MajorIncidentTrigger, which the tests' profile
    // switches off and this journey on): dave reviews both in one task and links one.
    Object settings = ReflectionTestUtils.getField(trigger, "settings");
    ReflectionTestUtils.setField(trigger, "settings", new MajorIncidentSettings(true, Duration.ofMinutes(30)));
    String first;
    String second;
    try {
      first = incidents.report(vpnReport("VPN client keeps reconnecting")).getBusinessKey();
      second = incidents.report(vpnReport("Cannot reach the file share from home")).getBusinessKey();
    } finally {
      ReflectionTestUtils.setField(trigger, "settings", settings);
    }
    NotificationJobs.run(management, major.getId());
    browser.go("/camunda/app/tasklist/default/#/");
    browser.filter("Major incidents");
    browser.openTask(number, "Review proposed linked incidents");
    browser.waitForText("Proposed linked incidents: 2");
    browser.waitForText("VPN client keeps reconnecting");
    browser.waitForText("Cannot reach the file share from home");
    assertThat(browser.valueOf("linkedIncidents")).as("all of them, to start with").isEqualTo(first + ", " + second);
    browser.fill("linkedIncidents", second + " and more");
    browser.button("Complete");
    assertThat(browser.validationMessages()).as("the form checks the numbers as the server does").isNotEmpty();
    browser.screenshot("dave-reviews-proposed-children");
    browser.fill("linkedIncidents", second);
    browser.complete();
    browser.waitUntil("the chosen one is linked", () -> children.linked(number).equals(java.util.List.of(second)));
  }

  private static Map<String, Object> vpnReport(String shortDescription) {
    Map<String, Object> report = Incidents.vpnReport();
    report.put("shortDescription", shortDescription);
    report.put("impact", "low");
    return report;
  }
}
