package io.incidentflow.incident;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's action never fails because a job of the same incident ran at the same moment. Two
 * transactions that change the same incident (an agent completes a task while an SLA timer escalates it)
 * cannot both commit; the engine refuses the later one with an {@link OptimisticLockingException} (or the
 * database with a foreign key, lock or serialization conflict). The job executor simply runs a refused job
 * again; this interceptor does the same for every other command that starts a transaction of its own
 * (Tasklist, the engine REST API): the whole command runs again on the state the other transaction left,
 * a few times with a short, growing pause. A conflict that outlasts the attempts, or a refusal on the
 * merits (the task is gone, the input is bad), reaches the caller as before.
 */
@Component
public class ConcurrentChangeRetry extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChangeRetry.class);
  static final int ATTEMPTS = 6;
  /** SQL states of conflicts a database resolves by refusing one side: serialization failure, deadlock, lock timeout. */
  private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
  /** H2's "timeout trying to lock table" and "deadlock detected". */
  private static final Set<Integer> H2_LOCK_ERRORS = Set.of(50200, 40001);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Outermost: a retried command gets a fresh transaction and command context each time.
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Retry());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Whether {@code failure} is a conflict with a concurrent transaction, which running again resolves. */
  public static boolean isConflict(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
      if (cause instanceof SQLException sql && ((sql.getSQLState() != null && CONFLICT_STATES.contains(sql.getSQLState()))
          || H2_LOCK_ERRORS.contains(sql.getErrorCode()) || ExceptionUtil.checkForeignKeyConstraintViolation(sql))) {
        return true;
      }
    }
    return false;
  }

  /** A pause before attempt {@code attempt} (1 for the first retry): 20 ms, 40 ms ... with a random part. */
  public static void pause(int attempt) {
    long millis = (10L << Math.min(attempt, 6)) + ThreadLocalRandom.current().nextLong(20);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a command again when it lost a race, if it started the transaction itself. */
  static final class Retry extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      boolean ownTransaction = Context.getCommandContext() == null
          && !TransactionSynchronizationManager.isActualTransactionActive() && !(command instanceof ExecuteJobsCmd);
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (RuntimeException e) {
          if (!ownTransaction || attempt >= ATTEMPTS || !isConflict(e)) {
            throw e;
          }
          LOG.info("{} met a concurrent change ({}); running it again (attempt {} of {})",
              command.getClass().getSimpleName(), e.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
          pause(attempt);
        }
      }
    }
  }
}
