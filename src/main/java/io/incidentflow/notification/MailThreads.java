package io.incidentflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of the application's mails: every mail of an incident is in one thread, opened by the caller's
 * acknowledgement ({@code <INC0001042@domain>}); every other mail has {@code <INC0001042.<event>.<id>@domain>}, the
 * domain being that of the sender address. A mail that refers to one of them (a caller's reply) is about that
 * incident.
 */
@Component
public class MailThreads {

  private static final Pattern OURS = Pattern.compile("<?(INC\\d{7})(?:\\.[^@<>\\s]*)?@([^<>\\s]+?)>?");

  private final NotificationSettings settings;

  public MailThreads(NotificationSettings settings) {
    this.settings = settings;
  }

  /** The thread of an incident's mails: the Message-ID of its acknowledgement. */
  public String threadId(String incidentNumber) {
    return "<" + incidentNumber + "@" + domain() + ">";
  }

  /** The incident whose mail {@code messageId} (one of ours) is; empty for anybody else's Message-ID. */
  public Optional<String> incidentOf(String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    Matcher ours = OURS.matcher(messageId.strip());
    return ours.matches() && ours.group(2).toLowerCase(Locale.ROOT).equals(domain().toLowerCase(Locale.ROOT))
        ? Optional.of(ours.group(1)) : Optional.empty();
  }

  /** The address the application's mails come from (without its name). */
  public String senderAddress() {
    try {
      return new InternetAddress(settings.sender()).getAddress();
    } catch (MessagingException e) {
      throw new IllegalStateException("incident-flow.notification.sender is no mail address: " + settings.sender(), e);
    }
  }

  String domain() {
    String address = senderAddress();
    return address.substring(address.indexOf('@') + 1);
  }
}
