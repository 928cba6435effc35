package io.incidentflow.alert;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the alert intake ({@code incident-flow.alerts.*}): who stands as the caller of incidents
 * that monitoring raises. That caller gets the acknowledgement and the resolution mail, so it should be
 * the mailbox of the team that runs monitoring.
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.alerts")
public record AlertSettings(
    @NotBlank @DefaultValue("Monitoring") String callerName,
    @NotBlank @Email @DefaultValue("monitoring@localhost.localdomain") String callerEmail) {
}
