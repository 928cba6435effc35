package io.incidentflow.notification;

import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings ({@code incident-flow.notification.*}). The process model reads the retry cycle
 * of the notification jobs from the bean {@code notificationSettings}.
 */
@Component("notificationSettings")
@Validated
@ConfigurationProperties(prefix = "incident-flow.notification")
public class NotificationSettings {

  /** The From address of every notification. */
  @NotBlank
  private String sender = "Incident Flow <incident-flow@localhost>";

  /** Where the application is reached, for the links in mails. */
  @NotBlank
  private String baseUrl = "http://localhost:8080";

  /** How often and how far apart a failed notification is retried (ISO-8601 repeating interval). */
  @NotBlank
  private String retryCycle = "R5/PT1M";

  /** The mail address of each assignment group; a group without one gets no mail (logged). */
  private Map<String, String> groupAddresses = new LinkedHashMap<>();

  /** The mail address of each assignment group's lead, told when an SLA escalation says so (DMN IncidentEscalation). */
  private Map<String, String> groupLeads = new LinkedHashMap<>();

  public String getSender() {
    return sender;
  }

  public void setSender(String sender) {
    this.sender = sender;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getRetryCycle() {
    return retryCycle;
  }

  public void setRetryCycle(String retryCycle) {
    this.retryCycle = retryCycle;
  }

  public Map<String, String> getGroupAddresses() {
    return groupAddresses;
  }

  public void setGroupAddresses(Map<String, String> groupAddresses) {
    this.groupAddresses = groupAddresses;
  }

  public Map<String, String> getGroupLeads() {
    return groupLeads;
  }

  public void setGroupLeads(Map<String, String> groupLeads) {
    this.groupLeads = groupLeads;
  }
}
