package io.incidentflow.notification;

import jakarta.mail.MessagingException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server's health, at {@code /actuator/health/mail}. An unreachable server is reported as
 * {@code UNREACHABLE}, a status the overall health does not count: incidents are still taken and worked
 * while mail waits in retried jobs, so the application itself stays {@code UP}.
 */
@Component("mailHealthIndicator")
public class MailHealthIndicator implements HealthIndicator {

  static final Status UNREACHABLE = new Status("UNREACHABLE", "The mail server does not answer; notifications wait");

  private final JavaMailSenderImpl mail;

  public MailHealthIndicator(JavaMailSenderImpl mail) {
    this.mail = mail;
  }

  @Override
  public Health health() {
    String location = mail.getHost() + ":" + mail.getPort();
    try {
      mail.testConnection();
      return Health.up().withDetail("location", location).build();
    } catch (MessagingException e) {
      return Health.status(UNREACHABLE).withDetail("location", location).withDetail("error", e.getMessage()).build();
    }
  }
}
