package io.incidentflow.notification;

/**
 * The demo's mail server cannot listen on one of its ports (SMTP, or the IMAP of the service desk's mailbox), which
 * another program (often another Incident Flow demo) holds: the application does not start, and
 * {@link DemoSmtpPortFailureAnalyzer} says how to move the port.
 */
public class DemoSmtpPortUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The demo mail server's ports: the setting and the environment variable that move each. */
  public enum DemoPort {
    SMTP("smtp-port", "INCIDENT_FLOW_DEMO_SMTP_PORT", 3025),
    IMAP("imap-port", "INCIDENT_FLOW_DEMO_IMAP_PORT", 3143);

    private final String property;
    private final String variable;
    private final int standard;

    DemoPort(String property, String variable, int standard) {
      this.property = property;
      this.variable = variable;
      this.standard = standard;
    }

    /** The setting under {@code incident-flow.demo}. */
    public String property() {
      return property;
    }

    public String variable() {
      return variable;
    }

    /** Its port when nothing moves it. */
    public int standard() {
      return standard;
    }
  }

  private final int port;
  private final DemoPort which;

  public DemoSmtpPortUnavailableException(int port, Throwable cause) {
    this(port, DemoPort.SMTP, cause);
  }

  public DemoSmtpPortUnavailableException(int port, DemoPort which, Throwable cause) {
    super("The demo mail server cannot listen on " + DemoMailServer.ADDRESS + ":" + port + " (" + which + "): "
        + reason(cause), cause);
    this.port = port;
    this.which = which;
  }

  public int port() {
    return port;
  }

  /** Which of the demo mail server's ports it is. */
  public DemoPort which() {
    return which;
  }

  /** Why, as the operating system said it ("Address already in use"). */
  public String reason() {
    return reason(getCause());
  }

  private static String reason(Throwable cause) {
    Throwable root = cause;
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    return root == null || root.getMessage() == null ? "the port is taken" : root.getMessage();
  }
}
