package io.incidentflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PauseResolutionClock} (on hold, when {@code SlaPausePolicy} says the reason stops the clock)
 * and {@code Task_PauseClockWhileResolved} (waiting for the caller's answer): the resolution clock stands
 * still, its timers suspended, until a resume step lets it run on.
 */
@Component("pauseResolutionClockDelegate")
public class PauseResolutionClockDelegate implements JavaDelegate {

  private final SlaClock clock;

  public PauseResolutionClockDelegate(SlaClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clock.pause(execution);
  }
}
