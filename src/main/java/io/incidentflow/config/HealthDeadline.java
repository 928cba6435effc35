package io.incidentflow.config;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health answers quickly whatever the database does. While it is unreachable, a check that reads it would
 * wait for a connection for the pool's timeout, and a probe with a short timeout would fail on every node
 * at once. A check run here has {@link #DEADLINE}: one that has not answered by then is {@code DOWN}, with
 * the reason, and {@code /actuator/health} answers 503 at once.
 */
@Component
public class HealthDeadline implements DisposableBean {

  static final Duration DEADLINE = Duration.ofMillis(800);

  private final ThreadPoolExecutor checks = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(16), runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
      });

  /** What {@code check} answers within the deadline; {@code DOWN} naming {@code what} when it does not. */
  public Health within(String what, Supplier<Health> check) {
    Future<Health> answer;
    try {
      answer = checks.submit(check::get);
    } catch (RejectedExecutionException backedUp) {
      return Health.down().withDetail("error", "earlier checks of " + what + " are still waiting for an answer").build();
    }
    try {
      return answer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException noAnswer) {
      answer.cancel(true);
      return Health.down().withDetail("error", what + " did not answer within " + DEADLINE.toMillis() + " ms").build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("error", "interrupted while checking " + what).build();
    } catch (ExecutionException e) {
      return Health.down().withDetail("error", what + ": " + e.getCause().getMessage()).build();
    }
  }

  @Override
  public void destroy() {
    checks.shutdownNow();
  }
}
