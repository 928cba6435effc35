package io.incidentflow.notification;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings ({@code incident-flow.notification.*}).
 *
 * @param sender the From address of every notification
 * @param baseUrl where the application is reached, for the links in mails
 * @param retryCycle how often and how far apart a failed delivery is retried (ISO-8601 repeating interval)
 * @param groupAddresses the mail address of each assignment group; a group without one gets no mail (logged)
 * @param groupLeads the mail address of each group's lead, told when an SLA escalation says so (DMN IncidentEscalation)
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.notification")
public record NotificationSettings(
    @NotBlank @DefaultValue("Incident Flow <incident-flow@localhost>") String sender,
    @NotBlank @DefaultValue("http://localhost:8080") String baseUrl,
    @NotBlank @DefaultValue("R5/PT1M") String retryCycle,
    @DefaultValue Map<String, String> groupAddresses,
    @DefaultValue Map<String, String> groupLeads) {
}
