package io.incidentflow.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes a decided notification as the message that will be sent (RFC 822): its bodies from the templates, its
 * attachments, its Message-ID in the incident's thread, and headers that name its incident, event and reader.
 * All mails of an incident share one thread: the caller's acknowledgement's Message-ID is
 * {@code <INC0001042@domain>} and every later mail refers to it.
 */
@Component
class MailWriter {

  /** The headers that name, in every mail, its incident, its event and whom it is written for (mail filters, the demo mailbox). */
  static final String INCIDENT_HEADER = "X-Incident-Flow-Incident";
  static final String EVENT_HEADER = "X-Incident-Flow-Event";
  static final String READER_HEADER = "X-Incident-Flow-Reader";

  private final JavaMailSenderImpl mail;
  private final MailTemplates templates;
  private final NotificationSettings settings;
  private final MailThreads threads;

  MailWriter(JavaMailSenderImpl mail, MailTemplates templates, NotificationSettings settings, MailThreads threads) {
    this.mail = mail;
    this.templates = templates;
    this.settings = settings;
    this.threads = threads;
  }

  /**
   * Who gets a mail, about what, and how it is known: everything of a message but its content.
   * {@code callerMessageId} is the Message-ID of the caller's mail that reported the incident (null when it was not
   * reported by mail): the thread answers it.
   */
  record Envelope(String incidentNumber, IncidentEvent event, List<String> recipients, String subject,
      String messageId, Instant sentAt, String callerMessageId) {
  }

  /**
   * The Message-ID of a notification: the thread's own for the caller's acknowledgement, which opens it,
   * {@code <INC0001042.<event>.<id>@domain>} for every other.
   */
  String messageId(String incidentNumber, IncidentEvent event, Reader reader, String notificationId) {
    return event == IncidentEvent.REPORTED && reader == Reader.CALLER ? threadId(incidentNumber)
        : "<" + incidentNumber + "." + event.template() + "." + notificationId + "@" + threads.domain() + ">";
  }

  /** The whole message of {@code envelope}, its bodies from {@code template} and {@code draft}. */
  String write(Envelope envelope, String template, MailDraft draft) {
    String number = envelope.incidentNumber();
    try {
      MimeMessage message = new ThreadedMessage(mail.getSession(), envelope.messageId());
      MimeMessageHelper helper = new SharedTypesHelper(message);
      helper.setFrom(settings.sender());
      helper.setTo(envelope.recipients().toArray(String[]::new));
      helper.setSubject(envelope.subject());
      helper.setSentDate(Date.from(envelope.sentAt()));
      MailTemplates.Bodies bodies = templates.render(template, draft.model());
      helper.setText(bodies.text(), bodies.html());
      for (MailDraft.Attachment attachment : draft.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
      String caller = envelope.callerMessageId();
      if (!envelope.messageId().equals(threadId(number))) {
        message.setHeader("In-Reply-To", threadId(number));
        message.setHeader("References", caller == null ? threadId(number) : caller + " " + threadId(number));
      } else if (caller != null) {
        // The acknowledgement of a mail answers it, in the caller's own thread.
        message.setHeader("In-Reply-To", caller);
        message.setHeader("References", caller);
      }
      if (envelope.event() != IncidentEvent.COMMENTED) {
        // RFC 3834: no auto-responder answers it, so that an out-of-office never starts a loop with us.
        message.setHeader("Auto-Submitted", "auto-generated");
      }
      message.setHeader(INCIDENT_HEADER, number);
      message.setHeader(EVENT_HEADER, envelope.event().name());
      message.setHeader(READER_HEADER, draft.reader().name().toLowerCase(Locale.ROOT));
      message.saveChanges();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      message.writeTo(bytes);
      // MIME is 7-bit text (bodies and headers are encoded); ISO-8859-1 keeps every byte as it is.
      return bytes.toString(StandardCharsets.ISO_8859_1);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(number + ": the " + envelope.event() + " notification could not be written: "
          + e.getMessage(), e);
    }
  }

  /** The thread of an incident's mails: the Message-ID of its acknowledgement. */
  private String threadId(String number) {
    return threads.threadId(number);
  }

  /**
   * A multipart UTF-8 helper that finds the content types of attachments without a type of their own in one map for
   * all mails: for a message that is not the sender's own, Spring would read {@code mime.types} again for every mail.
   */
  private static final class SharedTypesHelper extends MimeMessageHelper {

    private static final ConfigurableMimeFileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

    static {
      FILE_TYPES.afterPropertiesSet();
    }

    SharedTypesHelper(MimeMessage message) throws MessagingException {
      super(message, true, "UTF-8");
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
      return FILE_TYPES;
    }
  }

  /** A message whose Message-ID is ours, not the one JavaMail would make up when it is sent. */
  private static final class ThreadedMessage extends MimeMessage {

    private final String messageId;

    ThreadedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
