package io.incidentflow.dashboard;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the metrics for Prometheus ({@code incident-flow.metrics.*}).
 *
 * @param refreshInterval how often each node reads the figures from the database; a scrape in between answers
 *     from memory, so scraping more often costs the database nothing
 * @param window the rolling window of the times to acknowledge and resolve and of the SLA compliance: the
 *     incidents acknowledged, resolved or with an SLA outcome in the last {@code window}
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.metrics")
public record MetricsSettings(@NotNull @DefaultValue("PT30S") Duration refreshInterval,
    @NotNull @DefaultValue("P7D") Duration window) {
}
