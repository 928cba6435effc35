package io.incidentflow.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Places a guard in the engine's command chain, before the command gets its context and transaction. */
final class EngineInterceptors {

  private EngineInterceptors() {
  }

  /**
   * Adds {@code guard} to the interceptors that run before every command of the engine's services (and of
   * its REST API, which calls them). Commands that the engine runs in a transaction of their own (job
   * acquisition, history cleanup) are no request and pass by it.
   */
  static void addBeforeCommands(ProcessEngineConfigurationImpl configuration, CommandInterceptor guard) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(guard);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
