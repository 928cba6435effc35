package io.incidentflow.major;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Major incident settings ({@code incident-flow.major.*}).
 *
 * @param automaticTrigger whether MajorIncidentTrigger is evaluated when an incident is prioritized or
 *     re-prioritized; off, major incidents are only promoted by hand
 * @param clusterWindow how far back the trigger counts the open incidents on the same service
 */
@ConfigurationProperties(prefix = "incident-flow.major")
public record MajorIncidentSettings(
    @DefaultValue("true") boolean automaticTrigger,
    @DefaultValue("PT30M") Duration clusterWindow) {
}
