package io.incidentflow.incident;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;

/**
 * Work that can lose a race to a concurrent request or job writing the same row: an idempotency key, an
 * alert's open fingerprint, an incident that a timer changes at the same moment. The database makes the
 * loser fail, with a duplicate key (PostgreSQL), a lock timeout or concurrent update (H2), or the engine
 * with an optimistic locking conflict; the loser waits for the winner to commit and tries again.
 */
public final class ConcurrentRequests {

  private static final Duration PAUSE = Duration.ofMillis(25);

  private ConcurrentRequests() {
  }

  /**
   * Runs {@code attempt} until it answers. A lost race, or an empty answer (the winner has not
   * committed yet), means: wait a moment and try again. After {@code patience}, throws what
   * {@code gaveUp} makes of the last lost race (null when the attempts only came back empty).
   */
  public static <T> T retry(Duration patience, Supplier<Optional<T>> attempt,
      Function<RuntimeException, RuntimeException> gaveUp) {
    long giveUpAt = System.nanoTime() + patience.toNanos();
    while (true) {
      RuntimeException lostRace = null;
      try {
        Optional<T> answer = attempt.get();
        if (answer.isPresent()) {
          return answer.get();
        }
      } catch (RuntimeException e) {
        if (!(e instanceof DuplicateKeyException || e instanceof TransientDataAccessException
            || ConcurrentChangeRetry.isConflict(e))) {
          throw e;
        }
        lostRace = e;
      }
      if (System.nanoTime() > giveUpAt) {
        throw gaveUp.apply(lostRace);
      }
      try {
        Thread.sleep(PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while waiting for a concurrent request");
      }
    }
  }
}
