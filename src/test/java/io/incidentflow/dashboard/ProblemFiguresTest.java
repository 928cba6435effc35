package io.incidentflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.dashboard.ProblemFigures.Problems;
import io.incidentflow.dashboard.ProblemFigures.Recurring;
import io.incidentflow.problem.ProblemDriver;
import io.incidentflow.problem.ProblemRaising;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's problem figures: incidents linked to problems and the recurring services of a day. */
@IncidentFlowTest
class ProblemFiguresTest extends IncidentFlowTestBase {

  @Autowired
  ProblemFigures figures;
  @Autowired
  ProblemRaising raising;

  @Test
  void countsTheLinkedIncidents_andListsTheServicesThatRecurred() {
    // A day of its own, far from every other test's incidents.
    Instant day = Instant.now().plus(5000 + (long) (Math.random() * 2000), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS)
        .plus(10, ChronoUnit.HOURS);
    ClockUtil.setCurrentTime(Date.from(day));
    ProblemDriver problems = new ProblemDriver(runtime, tasks, management, history, incidents);
    ProcessInstance first = problems.routed("erp", "inquiry", "application-support", "Invoice export slow");
    problems.routed("erp", "inquiry", "application-support", "Invoice export slow again");
    problems.routed("crm", "inquiry", "application-support", "Quote template question");
    raising.raise("Invoice export slow", "Twice today.", "erp", List.of(incidents.number(first)), "pete", "api");

    Problems today = figures.of(DashboardQuery.parse("today", null, null, List.of(), List.of(), List.of(), List.of(), ZoneOffset.UTC,
        day.plus(1, ChronoUnit.HOURS)));

    assertThat(today.reported()).isEqualTo(3);
    assertThat(today.linked()).isEqualTo(1);
    assertThat(today.recurring()).containsExactly(new Recurring("erp", "inquiry", 2, 1, true));
  }
}
