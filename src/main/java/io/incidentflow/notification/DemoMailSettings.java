package io.incidentflow.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo profile's in-process mail server ({@code incident-flow.demo.*}).
 *
 * @param smtpPort the port it listens on, on 127.0.0.1 ({@code INCIDENT_FLOW_DEMO_SMTP_PORT}, 3025 by default);
 *     the application sends its mails there
 * @param imapPort the port its IMAP server listens on, on 127.0.0.1 ({@code INCIDENT_FLOW_DEMO_IMAP_PORT}, 3143 by
 *     default): the service desk's mailbox, which Mail in reads
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.demo")
public record DemoMailSettings(@Min(1) @Max(65535) @DefaultValue("3025") int smtpPort,
    @Min(1) @Max(65535) @DefaultValue("3143") int imapPort) {
}
