package io.incidentflow.resolution;

import static io.incidentflow.incident.IncidentVariables.CONFIRMATION_COMMENT;
import static io.incidentflow.incident.IncidentVariables.RESOLUTION_ACCEPTED;

import io.incidentflow.incident.InputCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing {@code Task_ConfirmResolution}: the caller's answer must be a yes or a no. */
@Component("confirmationTaskListener")
public class ConfirmationTaskListener implements TaskListener {

  static final int COMMENT_MAX = 2000;

  @Override
  public void notify(DelegateTask task) {
    InputCheck.of(task).requireBoolean(RESOLUTION_ACCEPTED).optionalText(CONFIRMATION_COMMENT, COMMENT_MAX).orThrow();
  }
}
