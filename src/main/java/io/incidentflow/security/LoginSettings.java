package io.incidentflow.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How failed logins slow an attacker down ({@code incident-flow.login.*}): after the n-th failed login of a
 * user from one client address, that pair waits {@code firstDelay} x 2^(n-1), at most {@code maxDelay};
 * an address that failed more than {@code addressFreeFailures} times (any users) within {@code forgetAfter}
 * of its first failure waits the same way. A user's failures are forgotten {@code forgetAfter} after the
 * last one. Nothing is ever locked for good.
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.login")
public record LoginSettings(
    @NotNull Duration firstDelay,
    @NotNull Duration maxDelay,
    @NotNull Duration forgetAfter,
    @Min(1) int addressFreeFailures) {
}
