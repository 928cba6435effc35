package io.incidentflow.notification;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server's health, at {@code /actuator/health/mail}. An unreachable server is reported as
 * {@code UNREACHABLE}, a status the overall health does not count: incidents are still taken and worked
 * while mail waits in retried deliveries, so the application itself stays {@code UP}.
 *
 * <p>A health check never waits for the mail server: the connection test runs in the background and is
 * awaited for {@link #PATIENCE} at most, and not at all while an earlier test still runs; a server that
 * takes longer (a hung one takes the SMTP timeouts) leaves the last known answer, marked as still being
 * checked. So {@code /actuator/health} answers in
 * milliseconds whatever the mail server does, and a server that refuses at once shows at once.
 */
@Component("mailHealthIndicator")
public class MailHealthIndicator implements HealthIndicator, DisposableBean {

  static final Status UNREACHABLE = new Status("UNREACHABLE", "The mail server does not answer; notifications wait");
  static final Duration PATIENCE = Duration.ofMillis(25);

  private final JavaMailSenderImpl mail;
  private final ExecutorService checks = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "mail-health");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<CompletableFuture<Health>> running = new AtomicReference<>();
  private volatile Health last;

  public MailHealthIndicator(JavaMailSenderImpl mail) {
    this.mail = mail;
    this.last = Health.unknown().withDetail("location", location()).withDetail("checked", "not yet").build();
  }

  @Override
  public Health health() {
    CompletableFuture<Health> earlier = running.get();
    if (earlier != null && !earlier.isDone()) {
      // An earlier check still waits for the server: no new one, and no waiting.
      return stillChecking();
    }
    CompletableFuture<Health> check = CompletableFuture.supplyAsync(this::check, checks);
    running.set(check);
    try {
      return check.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException noAnswerYet) {
      return stillChecking();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return last;
    } catch (ExecutionException e) {
      return Health.status(UNREACHABLE).withDetail("location", location()).withDetail("error", e.getMessage()).build();
    }
  }

  private Health stillChecking() {
    return Health.status(last.getStatus()).withDetails(last.getDetails()).withDetail("checking", "the mail server has"
        + " not answered yet; this is the last known state").build();
  }

  /** Connects to the mail server (within the SMTP timeouts) and remembers the answer. */
  private Health check() {
    Health health;
    try {
      mail.testConnection();
      health = Health.up().withDetail("location", location()).withDetail("checkedAt", Instant.now().toString()).build();
    } catch (MessagingException e) {
      health = Health.status(UNREACHABLE).withDetail("location", location()).withDetail("error", e.getMessage())
          .withDetail("checkedAt", Instant.now().toString()).build();
    }
    last = health;
    return health;
  }

  private String location() {
    return mail.getHost() + ":" + mail.getPort();
  }

  @Override
  public void destroy() {
    checks.shutdownNow();
  }
}
