package io.incidentflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ResumeResolutionClock} (work resumes after a hold) and {@code Task_ResumeClockOnReopening}
 * (the caller rejected the resolution): a stopped resolution clock runs on, its due dates and timers
 * moved by the working time it stood still.
 */
@Component("resumeResolutionClockDelegate")
public class ResumeResolutionClockDelegate implements JavaDelegate {

  private final SlaClock clock;

  public ResumeResolutionClockDelegate(SlaClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clock.resume(execution);
  }
}
