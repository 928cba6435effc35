package io.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Why the application did not start reads as lines at the terminal, not as one escaped log line. */
class StartFailureReportTest {

  @Test
  void theReport_keepsItsLines() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    new StartFailureReport(new PrintStream(printed, true, StandardCharsets.UTF_8)).report(new FailureAnalysis(
        "The port 3025 is in use.", "Choose another:\n\n    INCIDENT_FLOW_DEMO_SMTP_PORT=3026 java -jar ...", null));

    assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsSubsequence("APPLICATION FAILED TO START",
        "Description:", "The port 3025 is in use.", "Action:", "Choose another:", "    INCIDENT_FLOW_DEMO_SMTP_PORT=3026 java -jar ...");
  }

  @Test
  void isRegisteredWithSpringBoot() {
    List<FailureAnalysisReporter> reporters = SpringFactoriesLoader.forDefaultResourceLocation()
        .load(FailureAnalysisReporter.class);
    assertThat(reporters).hasAtLeastOneElementOfType(StartFailureReport.class);
  }
}
