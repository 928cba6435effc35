package io.incidentflow.alert;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the alert intake ({@code incident-flow.alerts.*}): who stands as the caller of incidents
 * that monitoring raises. That caller gets the acknowledgement and the resolution mail, so it should be
 * the mailbox of the team that runs monitoring.
 */
@Component
@Validated
@ConfigurationProperties(prefix = "incident-flow.alerts")
public class AlertSettings {

  @NotBlank
  private String callerName = "Monitoring";

  @NotBlank
  @Email
  private String callerEmail = "monitoring@localhost.localdomain";

  public String getCallerName() {
    return callerName;
  }

  public void setCallerName(String callerName) {
    this.callerName = callerName;
  }

  public String getCallerEmail() {
    return callerEmail;
  }

  public void setCallerEmail(String callerEmail) {
    this.callerEmail = callerEmail;
  }
}
