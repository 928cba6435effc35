package io.incidentflow.notification;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a demo start that fails because the demo's SMTP port is taken into one clear message, in Spring Boot's
 * "APPLICATION FAILED TO START" report: which port, and how to choose another (registered in
 * {@code META-INF/spring.factories}).
 */
public class DemoSmtpPortFailureAnalyzer extends AbstractFailureAnalyzer<DemoSmtpPortUnavailableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DemoSmtpPortUnavailableException cause) {
    int port = cause.port();
    int another = port < 65535 ? port + 1 : 3025;
    return new FailureAnalysis(
        "The demo's mail server could not listen on " + DemoMailServer.ADDRESS + ":" + port + " (" + cause.reason()
            + "). Another program holds the port, often another Incident Flow demo that is still running.",
        "Stop the program that listens on port " + port + ", or give the demo's mail server another port with the"
            + " environment variable INCIDENT_FLOW_DEMO_SMTP_PORT, e.g.\n\n"
            + "    INCIDENT_FLOW_DEMO_SMTP_PORT=" + another + " java -jar target/incident-flow.jar\n\n"
            + "(or --incident-flow.demo.smtp-port=" + another + "). The application sends its mails to that port and"
            + " shows them at /demo/mail as before.",
        cause);
  }
}
