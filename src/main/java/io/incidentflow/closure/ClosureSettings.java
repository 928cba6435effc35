package io.incidentflow.closure;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Closure settings ({@code incident-flow.closure.*}). The process model reads the auto-close timer
 * from the bean {@code closureSettings}: {@code ${closureSettings.autoCloseTimer()}}.
 */
@Component("closureSettings")
@Validated
@ConfigurationProperties(prefix = "incident-flow.closure")
public class ClosureSettings {

  /** How long a resolved incident waits for the caller's answer before it closes itself. */
  @NotNull
  private Duration autoClosePeriod = Duration.ofDays(5);

  public Duration getAutoClosePeriod() {
    return autoClosePeriod;
  }

  public void setAutoClosePeriod(Duration autoClosePeriod) {
    this.autoClosePeriod = autoClosePeriod;
  }

  /** The auto-close period as the ISO-8601 duration a BPMN timer takes, e.g. {@code PT120H}. */
  public String autoCloseTimer() {
    return autoClosePeriod.toString();
  }
}
