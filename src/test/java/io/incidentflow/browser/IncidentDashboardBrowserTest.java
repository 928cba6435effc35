package io.incidentflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentDriver;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The Incidents dashboard in Cockpit as a manager uses it, in a real Chromium: dave (incident-managers) sees
 * the figures of a set of incidents whose times are known (reported by chat, which no other test uses, so
 * the channel filter shows them alone), lists the incidents behind a figure and downloads them as CSV,
 * finds a closed and an open incident and opens their records, and sees on the process diagram how many
 * incidents wait at each step. paula (process-owners) uses Cockpit too but not the dashboard: she does not
 * see it; bob (network-support) has no Cockpit, and the figures' API refuses him. Screenshots of every step
 * go to {@code target/browser-screenshots/}.
 */
@Tag("browser")
@IncidentFlowTest
class IncidentDashboardBrowserTest extends IncidentFlowTestBase {

  private static final String ERP = "erp";
  private static final String DATABASE = "database";

  @LocalServerPort
  int port;

  @Test
  void theIncidentDashboard() throws Exception {
    Browser.drive(port, "dashboard", this::dashboard);
  }

  private void dashboard(Browser browser) throws Exception {
    // P2 High: resolution within 8 h around the clock. Six and a half hours used is 81 %, two days is
    // breached, two hours is 25 % (not at risk).
    ProcessInstance atRisk = routedAgo(ERP, "application-support", "software", Duration.ofMinutes(390));
    ProcessInstance breached = routedAgo(ERP, "application-support", "software", Duration.ofDays(2));
    ProcessInstance fresh = routedAgo(DATABASE, "database-support", "database", Duration.ofHours(2));
    // Taken 10 minutes after the report, resolved 2 hours after it, confirmed by the caller.
    ProcessInstance closed = routedAgo(ERP, "application-support", "software", Duration.ofHours(3));
    at(Duration.ofMinutes(170), () -> {
      tasks.claim(incidents.task(closed).getId(), "carol");
      return closed;
    });
    at(Duration.ofHours(1), () -> {
      incidents.resolve(closed, "fixed", "Restarted the ERP application server.");
      incidents.confirm(closed, true, "Works again");
      incidents.sendNotifications(closed);
      return closed;
    });
    String closedNumber = closed.getBusinessKey();

    assertThat(http.withBasicAuth("bob", "bob").getForEntity("/api/dashboard/backlog", String.class)
        .getStatusCode()).as("an agent may not read the figures").isEqualTo(HttpStatus.FORBIDDEN);

    browser.login("cockpit", "dave");
    browser.height(2300);
    browser.waitForTextIn(".ifd h2", "Incidents");
    browser.select("select[name=ifd-channel]", "chat");
    browser.waitUntil("the figures of the chat incidents", () -> browser.attribute(".ifd", "data-loaded")
        .contains("channel=chat"));
    assertThat(browser.textOf("[data-figure=backlog] [data-total]")).isEqualTo("3");
    assertThat(browser.textOf("td.ifd-cell[data-group=application-support][data-priority='2']")).isEqualTo("2");
    assertThat(browser.textOf("td.ifd-cell[data-group=database-support][data-priority='2']")).isEqualTo("1");
    assertThat(browser.count("td.ifd-cell")).as("no other cell of the backlog holds an incident").isEqualTo(2);
    assertThat(browser.textOf("[data-figure=backlog] [data-bar='0-1d'] .ifd-bar-value")).isEqualTo("2");
    assertThat(browser.textOf("[data-figure=backlog] [data-bar='1-3d'] .ifd-bar-value")).isEqualTo("1");
    assertThat(browser.textOf("[data-figure=backlog] [data-bar='3-7d'] .ifd-bar-value")).isEqualTo("0");
    assertThat(browser.textOf("[data-bucket='75-90'] .ifd-count")).isEqualTo("1");
    assertThat(browser.textOf("[data-bucket='75-90'] ul")).contains(atRisk.getBusinessKey());
    assertThat(browser.textOf("[data-bucket=breached] .ifd-count")).isEqualTo("1");
    assertThat(browser.textOf("[data-bucket=breached] ul")).contains(breached.getBusinessKey());
    assertThat(browser.textOf("[data-bucket='50-75'] .ifd-count")).isEqualTo("0");
    assertThat(browser.textOf("[data-figure=volume] [data-reported]")).isEqualTo("4");
    assertThat(browser.textOf("[data-figure=volume] [data-bar=chat] .ifd-bar-value")).isEqualTo("4");
    assertThat(browser.textOf("[data-figure=volume] [data-bar=erp]")).contains("ERP", "3");
    assertThat(browser.attribute("[data-figure=sla] tr[data-group=application-support] td[data-on-target]",
        "data-on-target")).as("1 of 1 responded to in time meets any target").isEqualTo("true");
    assertThat(browser.textOf("[data-figure=times] [data-by=priority] tr[data-priority='2']"))
        .as("P2: acknowledged after 10 min, resolved after 2 h, once each").isEqualTo("P2 High 10 min 10 min 1 2 h 2 h 1");
    assertThat(browser.textOf("[data-figure=quality] [data-tile=Resolved] .ifd-value")).isEqualTo("1");
    browser.screenshot("dave-dashboard");

    // The incidents behind a backlog cell, on the screen and as CSV.
    browser.clickCss("td.ifd-cell[data-group=application-support][data-priority='2']");
    browser.waitForTextIn("[data-list=backlog]", "2 incidents");
    assertThat(browser.textOf("[data-list=backlog]")).contains(atRisk.getBusinessKey(), breached.getBusinessKey())
        .doesNotContain(fresh.getBusinessKey(), closedNumber);
    String csv = browser.attribute("[data-list=backlog] a[data-csv]", "href");
    assertThat(csv).contains("figure=backlog", "group=application-support", "priority=2", "channel=chat");
    assertThat(browser.download(csv)).contains(atRisk.getBusinessKey(), breached.getBusinessKey())
        .doesNotContain(fresh.getBusinessKey());
    assertThat(browser.download(browser.attribute("[data-figure=backlog] .ifd-head a[data-csv]", "href")))
        .contains("application-support");
    browser.screenshot("dave-lists-a-backlog-cell");
    browser.height(1000);

    // Find: the closed incident with its closure record, the open one with its process instance.
    browser.type("input[name=ifd-query]", closedNumber);
    browser.clickCss("button[name=ifd-find]");
    browser.clickCss("[data-find] tr[data-incident='" + closedNumber + "']");
    browser.waitForTextIn("[data-find] .ifw-record", "Restarted the ERP application server.");
    assertThat(browser.attribute("[data-find] .ifw-record [data-status]", "data-status")).isEqualTo("CLOSED");
    assertThat(browser.attribute("[data-find] .ifw-record a[target=_blank]", "href"))
        .endsWith("/api/incidents/" + closedNumber + "/closure-record");
    browser.screenshot("dave-finds-a-closed-incident");
    browser.type("input[name=ifd-query]", atRisk.getBusinessKey());
    browser.clickCss("button[name=ifd-find]");
    browser.clickCss("[data-find] tr[data-incident='" + atRisk.getBusinessKey() + "']");
    browser.waitForTextIn("[data-find] .ifw-record", "Process instance in Cockpit");
    browser.screenshot("dave-finds-an-open-incident");
    browser.clickCss("a[data-process-instance='" + atRisk.getId() + "']");
    browser.waitForText(atRisk.getId());
    browser.screenshot("dave-opens-its-process-instance");

    // The diagram: how many incidents wait at the investigation now, as the engine counts them.
    long investigating = tasks.createTaskQuery().processDefinitionKey("IncidentManagementProcess")
        .taskDefinitionKey("Task_InvestigateIncident").count();
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + atRisk.getProcessDefinitionId() + "/runtime");
    browser.waitForTextIn(".ifd-step[data-step=Task_InvestigateIncident]", investigating + " waiting");
    browser.screenshot("dave-sees-the-waiting-incidents-on-the-diagram");

    // paula works in Cockpit, but the dashboard is not for her: no trace of it.
    browser.login("cockpit", "paula");
    browser.waitForText("Right Now");
    browser.waitUntil("the dashboard hides itself from paula", () -> browser.count(".ifd, .deprecate") == 0);
    browser.screenshot("paula-has-no-incident-dashboard");
    assertThat(browser.pageText()).doesNotContain("Open backlog", "Custom Plugins");
  }

  /** An incident on {@code service} reported by chat {@code ago} and routed to {@code group} then. */
  private ProcessInstance routedAgo(String service, String group, String category, Duration ago) {
    Map<String, Object> report = IncidentDriver.with(Incidents.vpnReport("medium", "high"),
        "affectedService", service, "channel", "chat", "shortDescription", "The " + service + " is slow");
    return at(ago, () -> {
      ProcessInstance incident = incidents.report(report);
      incidents.complete(incident, IncidentDriver.triage("assignmentGroup", group, "category", category));
      incidents.sendNotifications(incident);
      return incident;
    });
  }

  /** Does {@code step} to an incident with the engine's clock {@code ago} in the past; returns the incident. */
  private static ProcessInstance at(Duration ago, Supplier<ProcessInstance> step) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(ago)));
    try {
      return step.get();
    } finally {
      ClockUtil.reset();
    }
  }
}
