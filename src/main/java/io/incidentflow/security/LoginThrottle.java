package io.incidentflow.security;

import io.incidentflow.incident.EngineClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a lock. Camunda locks a user for good after 10
 * failed logins, so anybody could lock out anybody, the administrator too. Here every login of every
 * door (engine REST API, webapps, the application's API: all ask the engine's identity service) goes
 * through {@link ThrottledIdentityProvider}, which asks this throttle first: after failures, the pair of
 * user and client address waits a delay that doubles up to a cap ({@link LoginSettings}); an address that
 * fails for many users waits too. While it waits, a login is refused without looking at the password, and
 * the answer says how long ({@code Retry-After}). The same user from another address is not slowed, and
 * after the cap a right password always gets in. Counted per node, in memory; nothing is stored.
 */
@Component
public class LoginThrottle extends AbstractProcessEnginePlugin {

  /** Beyond this many remembered pairs, the oldest are forgotten first: a flood of names cannot fill memory. */
  static final int MAX_ENTRIES = 100_000;

  private final LoginSettings settings;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(LoginSettings settings) {
    this.settings = settings;
  }

  /** Failed logins of one key: how many, since when, the last, and until when the key waits. */
  private record Failures(int count, Instant since, Instant last, Instant waitUntil) {
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ThrottledIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ThrottledIdentityProvider(LoginThrottle.this);
      }
    });
  }

  /** How long a login of {@code userId} from {@code address} must still wait; zero when it may try. */
  public Duration waitFor(String userId, String address) {
    Instant now = now();
    Duration pair = remaining(pairKey(userId, address), now);
    Duration fromAddress = remaining(addressKey(address), now);
    return pair.compareTo(fromAddress) >= 0 ? pair : fromAddress;
  }

  /** Records the outcome of a login that was tried. */
  public void record(String userId, String address, boolean succeeded) {
    Instant now = now();
    if (succeeded) {
      failures.remove(pairKey(userId, address));
      return;
    }
    forgetOld(now);
    // A user's failures count while they follow each other; an address's within a window from its first,
    // so that an office behind one address, where everybody mistypes now and then, is not slowed for good.
    failures.compute(pairKey(userId, address), (key, before) -> failed(before, now, 0,
        before == null ? null : before.last()));
    failures.compute(addressKey(address), (key, before) -> failed(before, now, settings.addressFreeFailures(),
        before == null ? null : before.since()));
  }

  /** The client address of the request being served, as Tomcat sees it (see server.forward-headers-strategy). */
  static String clientAddress() {
    HttpServletRequest request = CurrentRequest.request();
    return request == null ? "in-process" : request.getRemoteAddr();
  }

  /** Tells the client of the request being served when to try again. */
  static void answerRetryAfter(Duration wait) {
    HttpServletResponse response = CurrentRequest.response();
    if (response != null && !response.isCommitted()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
    }
  }

  /** One more failure; the count starts afresh when {@code countedFrom} is more than forget-after ago. */
  private Failures failed(Failures before, Instant now, int free, Instant countedFrom) {
    boolean fresh = before == null || countedFrom.plus(settings.forgetAfter()).isBefore(now);
    int count = fresh ? 1 : before.count() + 1;
    return new Failures(count, fresh ? now : before.since(), now, now.plus(delay(count - free)));
  }

  /** The wait after the n-th counted failure: first delay doubled n-1 times, capped; none for n below 1. */
  Duration delay(int n) {
    if (n < 1) {
      return Duration.ZERO;
    }
    Duration cap = settings.maxDelay();
    Duration delay = settings.firstDelay();
    for (int i = 1; i < n && delay.compareTo(cap) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  private Duration remaining(String key, Instant now) {
    Failures entry = failures.get(key);
    return entry == null || !entry.waitUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, entry.waitUntil());
  }

  private void forgetOld(Instant now) {
    if (failures.size() < MAX_ENTRIES) {
      return;
    }
    failures.values().removeIf(entry -> entry.last().plus(settings.forgetAfter()).isBefore(now));
    if (failures.size() >= MAX_ENTRIES) {
      failures.clear();
    }
  }

  private static String pairKey(String userId, String address) {
    return "user:" + String.valueOf(userId).toLowerCase(Locale.ROOT) + "@" + address;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  private static Instant now() {
    return EngineClock.now();
  }
}
