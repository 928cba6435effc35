package io.incidentflow.problem;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs what problem management does to other instances (an incident's link, a problem started from an
 * incident's form) for the process, not with the rights of the person whose step caused it: an agent may
 * complete her investigation, not write into a problem. Outside an engine command (the API) nobody is
 * logged in to the engine and it runs as it is.
 */
final class AsProcess {

  private AsProcess() {
  }

  static <T> T call(Supplier<T> action) {
    CommandContext command = Context.getCommandContext();
    return command == null ? action.get() : command.runWithoutAuthorization(action::get);
  }

  static void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }
}
