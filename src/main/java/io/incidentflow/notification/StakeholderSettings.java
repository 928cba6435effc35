package io.incidentflow.notification;

import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who hears of a major incident's stakeholder updates ({@code incident-flow.notification.stakeholders.*}).
 *
 * @param addresses the stakeholders of each affected service: comma-separated mail addresses; a service without
 *     any gets no update mail (logged)
 * @param slackWebhookUrl a Slack incoming webhook that updates are posted to (JSON {@code text}); empty: none
 * @param teamsWebhookUrl a Microsoft Teams Workflows webhook that updates are posted to (an Adaptive Card); empty: none
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.notification.stakeholders")
public record StakeholderSettings(
    @DefaultValue Map<String, String> addresses,
    @Pattern(regexp = "\\s*|https?://\\S+", message = "must be an http or https URL, or empty") String slackWebhookUrl,
    @Pattern(regexp = "\\s*|https?://\\S+", message = "must be an http or https URL, or empty") String teamsWebhookUrl) {

  /** The webhook of {@code channel}; null when none is configured. */
  String webhook(CommunicationLog.Channel channel) {
    String url = switch (channel) {
      case SLACK -> slackWebhookUrl;
      case TEAMS -> teamsWebhookUrl;
      case MAIL -> null;
    };
    return url == null || url.isBlank() ? null : url.strip();
  }
}
