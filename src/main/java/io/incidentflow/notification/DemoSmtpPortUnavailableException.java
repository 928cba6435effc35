package io.incidentflow.notification;

/**
 * The demo's mail server cannot listen on its port, which another program (often another Incident Flow demo)
 * holds: the application does not start, and {@link DemoSmtpPortFailureAnalyzer} says how to move the port.
 */
public class DemoSmtpPortUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int port;

  public DemoSmtpPortUnavailableException(int port, Throwable cause) {
    super("The demo mail server cannot listen on " + DemoMailServer.ADDRESS + ":" + port + ": " + reason(cause), cause);
    this.port = port;
  }

  public int port() {
    return port;
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
