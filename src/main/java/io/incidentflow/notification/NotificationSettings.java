package io.incidentflow.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings ({@code incident-flow.notification.*}).
 *
 * @param sender the From address of every notification
 * @param baseUrl where the application is reached, for the links in mails; empty: this machine on the port the
 *     application runs on ({@link ApplicationUrl})
 * @param retryCycle how often and how far apart a failed delivery is retried (ISO-8601 repeating interval)
 * @param groupAddresses the mail address of each assignment group; a group without one gets no mail (logged)
 * @param groupLeads the mail address of each group's lead, told when an SLA escalation says so (DMN IncidentEscalation)
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.notification")
public record NotificationSettings(
    @NotBlank @DefaultValue("Incident Flow <incident-flow@localhost>") String sender,
    @Pattern(regexp = "\\s*|https?://[^\\s/]+(/\\S*)?", message = "must be an http or https URL such as"
        + " https://incidents.example.com, or empty") String baseUrl,
    @NotBlank @DefaultValue("R5/PT1M") String retryCycle,
    @DefaultValue Map<String, String> groupAddresses,
    @DefaultValue Map<String, String> groupLeads) {
}
