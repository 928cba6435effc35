package io.incidentflow.security;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The engine's REST API at its doors ({@code /engine-rest}, the webapps' {@code /camunda/api}):
 * {@code incident-flow.engine-rest.max-request-size} is the largest body read (a deployment from Camunda
 * Modeler is the largest a client sends); a larger one is refused with 413.
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.engine-rest")
public record EngineRestSettings(@NotNull DataSize maxRequestSize) {
}
