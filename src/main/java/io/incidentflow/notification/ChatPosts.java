package io.incidentflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.notification.CommunicationLog.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Chat posts: the text of an event ({@code templates/chat/<template>.txt}), the payload each channel's webhook takes
 * (Slack: {@code {"text": ...}}; Teams Workflows: a message with an Adaptive Card), and the post itself, which
 * fails unless the webhook answers 2xx. Each step of a post waits 4 s at most, as a mail's does.
 */
@Component
class ChatPosts {

  private static final Duration TIMEOUT = Duration.ofSeconds(4);

  private final StakeholderSettings settings;
  private final ObjectMapper json;
  private final TemplateEngine texts = io.incidentflow.incident.Templates.engine("chat", TemplateMode.TEXT, ".txt");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  ChatPosts(StakeholderSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  /** The chat channels with a webhook configured. */
  List<Channel> channels() {
    return List.of(Channel.SLACK, Channel.TEAMS).stream().filter(channel -> settings.webhook(channel) != null).toList();
  }

  /** The text of {@code event} for a chat channel. */
  String text(IncidentEvent event, Map<String, Object> model) {
    return texts.process(event.template(), new Context(null, model)).strip();
  }

  /** What {@code channel}'s webhook takes: {@code title} (the subject) and {@code text}. */
  String payload(Channel channel, String title, String text) {
    Object body = switch (channel) {
      case SLACK -> Map.of("text", "*" + title + "*\n" + text);
      case TEAMS -> Map.of("type", "message", "attachments", List.of(Map.of(
          "contentType", "application/vnd.microsoft.card.adaptive",
          "content", Map.of("$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type", "AdaptiveCard",
              "version", "1.4", "body", List.of(
                  Map.of("type", "TextBlock", "text", title, "weight", "Bolder", "size", "Medium", "wrap", true),
                  Map.of("type", "TextBlock", "text", text, "wrap", true))))));
      case MAIL -> throw new IllegalArgumentException("A mail is no chat post");
    };
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A chat post cannot be written as JSON", e);
    }
  }

  /** Posts {@code payload} to {@code channel}'s webhook; {@link ChatPostFailedException} unless it answers 2xx. */
  void post(Channel channel, String payload) {
    String url = settings.webhook(channel);
    if (url == null) {
      throw new ChatPostFailedException("no webhook is configured for " + channel.value()
          + " (incident-flow.notification.stakeholders." + channel.value() + "-webhook-url)", null);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload,
            StandardCharsets.UTF_8)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new ChatPostFailedException(channel.value() + " answered HTTP " + response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new ChatPostFailedException(channel.value() + " could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatPostFailedException(channel.value() + ": interrupted", e);
    }
  }

  /** A post the webhook did not take. */
  static final class ChatPostFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ChatPostFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
