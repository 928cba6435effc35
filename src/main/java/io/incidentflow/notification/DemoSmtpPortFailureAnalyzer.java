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
    DemoSmtpPortUnavailableException.DemoPort which = cause.which();
    int another = port < 65535 ? port + 1 : which.standard();
    return new FailureAnalysis(
        "The demo's mail server could not listen on " + DemoMailServer.ADDRESS + ":" + port + " (" + cause.reason()
            + "). Another program holds the port, often another Incident Flow demo that is still running.",
        "Stop the program that listens on port " + port + ", or give the demo's mail server another " + which
            + " port with the environment variable " + which.variable() + ", e.g.\n\n"
            + "    " + which.variable() + "=" + another + " java -jar target/incident-flow.jar\n\n"
            + "(or --incident-flow.demo." + which.property() + "=" + another + "). " + (which
                == DemoSmtpPortUnavailableException.DemoPort.SMTP ? "The application sends its mails to that port and"
                + " shows them at /demo/mail as before." : "Mail in reads the service desk's mailbox on that port."),
        cause);
  }
}
