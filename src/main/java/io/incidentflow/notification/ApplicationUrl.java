package io.incidentflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the application is reached, for the links in mails (Tasklist, the caller's resolution links): the
 * configured {@code incident-flow.notification.base-url} ({@code INCIDENT_FLOW_BASE_URL}), or else this machine
 * on the port the application actually runs on ({@code PORT=8099} gives {@code http://localhost:8099}), with the
 * servlet context path. Behind a load balancer, or for callers on other machines, set the base URL.
 */
@Component
public class ApplicationUrl {

  private static final Logger LOG = LoggerFactory.getLogger(ApplicationUrl.class);

  private final NotificationSettings settings;
  private final Environment environment;

  public ApplicationUrl(NotificationSettings settings, Environment environment) {
    this.settings = settings;
    this.environment = environment;
  }

  /** The base of every link, without a trailing slash: {@code https://incidents.example.com}, {@code http://localhost:8080}. */
  public String base() {
    if (isConfigured()) {
      return settings.baseUrl().strip().replaceAll("/+$", "");
    }
    // local.server.port is the port the web server took (also when server.port is 0); server.port before that.
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
    String contextPath = environment.getProperty("server.servlet.context-path", "").replaceAll("/+$", "");
    return scheme + "://localhost:" + port + contextPath;
  }

  @EventListener(ApplicationReadyEvent.class)
  void tellWhereLinksPoint() {
    LOG.info("Links in mails point to {}{}", base(), isConfigured() ? ""
        : " (this machine, the port the application runs on); set INCIDENT_FLOW_BASE_URL to the address callers reach");
  }

  private boolean isConfigured() {
    return settings.baseUrl() != null && !settings.baseUrl().isBlank();
  }
}
