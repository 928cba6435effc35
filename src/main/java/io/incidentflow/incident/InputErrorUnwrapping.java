package io.incidentflow.incident;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task listener in a generic {@code ProcessEngineException},
 * which its REST API answers with 500. This interceptor sits outside the transaction (the action is rolled
 * back already) and rethrows the {@link InvalidIncidentInputException} inside, so that a client that sent
 * bad input gets 400 with the fields at fault, whichever listener or delegate found them.
 */
@Component
public class InputErrorUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Unwrap());
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  /** Finds an {@link InvalidIncidentInputException} among the causes and throws it as it is. */
  static final class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        InvalidIncidentInputException invalid = invalidInputIn(e);
        throw invalid != null ? invalid : e;
      }
    }
  }

  /** The {@link InvalidIncidentInputException} among the causes of {@code failure}, or null. */
  public static InvalidIncidentInputException invalidInputIn(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidIncidentInputException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
