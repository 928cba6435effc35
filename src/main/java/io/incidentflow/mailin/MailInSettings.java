package io.incidentflow.mailin;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Mail in ({@code incident-flow.mail-in.*}): which mailbox is read, how, and the limits that keep a mailbox from
 * flooding the service desk. Off unless {@code enabled}.
 *
 * @param enabled whether the application reads the mailbox at all ({@code INCIDENT_FLOW_MAIL_IN_ENABLED})
 * @param protocol {@code imap} (STARTTLS when {@code starttls}) or {@code imaps} (TLS from the first byte)
 * @param host the IMAP server
 * @param port its port (993 for imaps, 143 for imap)
 * @param username the mailbox's user
 * @param password its password
 * @param starttls whether an {@code imap} connection is upgraded to TLS (and must be)
 * @param folder the folder new mail arrives in
 * @param processedFolder where a mail goes once it made an incident or a comment
 * @param ignoredFolder where auto-replies, bounces and our own mails go: they make nothing
 * @param rejectedFolder where a mail goes that cannot be taken (no sender, too large, unreadable, a flooding sender,
 *     repeated failures); the log says why
 * @param pollInterval how often the mailbox is looked at when the server offers no IDLE, and at the latest even when
 *     it does
 * @param idle whether to wait with IMAP IDLE (when the server offers it) rather than poll
 * @param maxAttachmentSize the largest attachment kept with an incident; a larger one rejects the whole mail
 * @param maxMessageSize the largest mail read at all
 * @param maxAttempts how often a mail that fails (a database outage) is tried before it is rejected
 * @param incidentsPerSenderPerHour how many incidents one sender may report by mail within an hour
 * @param closedReplyPeriod how long after closure a reply is still about the closed incident (DMN
 *     {@code ClosedIncidentReply} decides then); later replies report a new incident
 * @param leaseDuration how long one node reads the mailbox before it must renew its claim; another node takes over
 *     when it has not
 * @param timeout how long any step of the IMAP dialogue waits for the server
 */
@Validated
@ConfigurationProperties(prefix = "incident-flow.mail-in")
public record MailInSettings(
    @DefaultValue("false") boolean enabled,
    @NotBlank @Pattern(regexp = "imaps?", message = "must be imap or imaps") @DefaultValue("imaps") String protocol,
    @DefaultValue("localhost") String host,
    @Min(1) @DefaultValue("993") int port,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("true") boolean starttls,
    @NotBlank @DefaultValue("INBOX") String folder,
    @NotBlank @DefaultValue("incident-flow-processed") String processedFolder,
    @NotBlank @DefaultValue("incident-flow-ignored") String ignoredFolder,
    @NotBlank @DefaultValue("incident-flow-rejected") String rejectedFolder,
    @NotNull @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("true") boolean idle,
    @NotNull @DefaultValue("5MB") DataSize maxAttachmentSize,
    @NotNull @DefaultValue("25MB") DataSize maxMessageSize,
    @Min(1) @DefaultValue("5") int maxAttempts,
    @Min(1) @DefaultValue("10") int incidentsPerSenderPerHour,
    @NotNull @DefaultValue("P30D") Period closedReplyPeriod,
    @NotNull @DefaultValue("PT2M") Duration leaseDuration,
    @NotNull @DefaultValue("PT20S") Duration timeout) {
}
