package io.incidentflow.config;

import java.io.PrintStream;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints why the application did not start, and what to do, to standard error as the lines Spring Boot wrote
 * them. The log has it too, but on one line (every log message is, see {@code logback-spring.xml}), which is
 * hard to read at a terminal; a start failure is the operator's own configuration or machine, no client's text.
 * Registered in {@code META-INF/spring.factories}.
 */
public class StartFailureReport implements FailureAnalysisReporter {

  private final PrintStream out;

  public StartFailureReport() {
    this(System.err);
  }

  StartFailureReport(PrintStream out) {
    this.out = out;
  }

  @Override
  public void report(FailureAnalysis analysis) {
    StringBuilder report = new StringBuilder()
        .append(System.lineSeparator())
        .append("***************************").append(System.lineSeparator())
        .append("APPLICATION FAILED TO START").append(System.lineSeparator())
        .append("***************************").append(System.lineSeparator()).append(System.lineSeparator())
        .append("Description:").append(System.lineSeparator()).append(System.lineSeparator())
        .append(analysis.getDescription()).append(System.lineSeparator());
    if (analysis.getAction() != null) {
      report.append(System.lineSeparator()).append("Action:").append(System.lineSeparator())
          .append(System.lineSeparator()).append(analysis.getAction()).append(System.lineSeparator());
    }
    out.print(report);
    out.flush();
  }
}
