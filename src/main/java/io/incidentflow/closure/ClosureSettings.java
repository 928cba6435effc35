package io.incidentflow.closure;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Closure settings ({@code incident-flow.closure.*}): how long a resolved incident waits for the caller's
 * answer before it closes itself. The model reads it through {@link AutoCloseTimer}.
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.closure")
public record ClosureSettings(@NotNull @DefaultValue("P5D") Duration autoClosePeriod) {
}
