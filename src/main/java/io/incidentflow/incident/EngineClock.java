package io.incidentflow.incident;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time as the process engine sees it: the moment its timers, history and due dates are measured
 * against. The engine has no public API for its clock ({@code ClockUtil} is internal), and tests move it;
 * so every moment the application records comes from here, the one place that reads it.
 */
public final class EngineClock {

  private EngineClock() {
  }

  /** Now, by the engine's clock. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
