package io.incidentflow.security;

import io.incidentflow.incident.DatabaseOutages;
import io.incidentflow.incident.InputErrorUnwrapping;
import io.incidentflow.incident.InvalidIncidentInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the engine found wrong with the input of the HTTP request being served, or that it could not reach
 * the database. The engine's REST resources wrap some refusals (a report that fails its checks on
 * {@code /start}, a resolved delegation) and every outage into a 500; {@link DoorAnswers} answers them
 * with the status recorded here instead. Outside a
 * request (a job, a test calling a service), recording does nothing. A refusal is the engine's
 * {@link BadUserRequestException} or the incident's own checks ({@link InvalidIncidentInputException}),
 * wherever in the command they were thrown.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ClientErrors extends AbstractProcessEnginePlugin {

  /** A refusal: its status and what to tell the client. */
  record ClientError(HttpStatus status, String message) {
  }

  private static final String ATTRIBUTE = ClientErrors.class.getName();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.addBeforeCommands(configuration, new Recorder());
  }

  /** Records the refusal a command failed with, and lets it go on. */
  static final class Recorder extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        InvalidIncidentInputException invalid = InputErrorUnwrapping.invalidInputIn(e);
        if (invalid != null || e instanceof BadUserRequestException) {
          record(HttpStatus.BAD_REQUEST, (invalid != null ? invalid : e).getMessage());
        } else if (DatabaseOutages.isOutage(e)) {
          record(HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached at the moment");
        }
        throw e;
      }
    }
  }

  /** Records that the request is refused with {@code status} because of {@code message}. */
  public static void record(HttpStatus status, String message) {
    HttpServletRequest request = CurrentRequest.request();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, new ClientError(status, message));
    }
  }

  static ClientError recorded(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof ClientError error ? error : null;
  }
}
