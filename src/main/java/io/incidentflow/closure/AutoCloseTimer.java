package io.incidentflow.closure;

import org.springframework.stereotype.Component;

/**
 * The auto-close timer of Confirm resolution as the process model reads it:
 * {@code ${closureSettings.autoCloseTimer()}}. The bean keeps the name the models have used from the
 * start, so that incidents still running on an older version of the process find it too.
 */
@Component("closureSettings")
public class AutoCloseTimer {

  private final ClosureSettings settings;

  public AutoCloseTimer(ClosureSettings settings) {
    this.settings = settings;
  }

  /** The auto-close period as the ISO-8601 duration a BPMN timer takes, e.g. {@code PT120H}. */
  public String autoCloseTimer() {
    return settings.autoClosePeriod().toString();
  }
}
