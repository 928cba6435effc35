package io.incidentflow.security;

import java.time.Duration;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own user store, with {@link LoginThrottle} in place of Camunda's permanent lock: a password
 * is checked only when the throttle lets the pair of user and address try, and the attempts and lock
 * columns of the user table are left alone.
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger LOG = LoggerFactory.getLogger(ThrottledIdentityProvider.class);

  private final LoginThrottle throttle;

  ThrottledIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String address = LoginThrottle.clientAddress();
    Duration wait = throttle.waitFor(userId, address);
    if (!wait.isZero()) {
      LOG.warn("Login of {} from {} refused unchecked: failed logins before, wait {} s", userId, address,
          wait.toSeconds() + 1);
      LoginThrottle.answerRetryAfter(wait);
      return false;
    }
    UserEntity user = userId == null ? null : findUserById(userId);
    boolean valid = user != null && password != null && matchPassword(password, user);
    throttle.record(userId, address, valid);
    if (!valid) {
      LOG.warn("Failed login of {} from {}", userId, address);
    }
    return valid;
  }
}
