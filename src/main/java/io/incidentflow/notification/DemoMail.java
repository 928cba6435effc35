package io.incidentflow.notification;

import io.incidentflow.incident.Digests;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mail the demo mailbox received, once however many recipients it had: the message, when it first arrived,
 * and how often it arrived in one mailbox ({@code deliveries}: 1, unless it was sent again). Its {@code id} is
 * stable, derived from its Message-ID ({@code INC0000001@incidentflow.example}), so a link to it survives new mails.
 * The accessors read the message for a page or a JSON answer and never fail on a malformed one.
 */
public record DemoMail(String id, Instant receivedAt, int deliveries, MimeMessage message) {

  /** A Message-ID usable as it is in a URL path: letters and digits first, no slash, no colon. */
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,199}");
  private static final Pattern INCIDENT_IN_SUBJECT = Pattern.compile("^\\[(INC\\d{7})]");

  /** A file attached to the mail. */
  public record Attachment(String fileName, String contentType, byte[] content) {

    public int size() {
      return content.length;
    }
  }

  /**
   * The id of {@code message}: its Message-ID without the angle brackets where that is plain, else {@code m} and
   * a digest of the Message-ID (or, without one, of the whole message).
   */
  static String idOf(MimeMessage message) {
    String messageId = header(message, "Message-ID");
    String bare = messageId == null ? null : messageId.strip().replaceAll("^<|>$", "");
    if (bare != null && PLAIN_ID.matcher(bare).matches()) {
      return bare;
    }
    return "m" + Digests.sha256Hex(messageId != null ? messageId : raw(message)).substring(0, 32);
  }

  public String messageId() {
    return header(message, "Message-ID");
  }

  public String from() {
    return header(message, "From");
  }

  public String to() {
    return header(message, "To");
  }

  public String subject() {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      return header(message, "Subject");
    }
  }

  public Instant sentAt() {
    try {
      Date sent = message.getSentDate();
      return sent == null ? null : sent.toInstant();
    } catch (MessagingException e) {
      return null;
    }
  }

  public String inReplyTo() {
    return header(message, "In-Reply-To");
  }

  /** The incident the mail is about: its header, or the number at the start of its subject. */
  public String incidentNumber() {
    String number = header(message, MailWriter.INCIDENT_HEADER);
    if (number != null) {
      return number;
    }
    Matcher subject = INCIDENT_IN_SUBJECT.matcher(String.valueOf(subject()));
    return subject.find() ? subject.group(1) : null;
  }

  /** The event ({@code RESOLVED}), and for whom the mail was written ({@code caller}, {@code staff}). */
  public String event() {
    return header(message, MailWriter.EVENT_HEADER);
  }

  public String reader() {
    return header(message, MailWriter.READER_HEADER);
  }

  /** The plain-text body, or null. */
  public String text() {
    try {
      return MailBodies.text(message);
    } catch (MessagingException | IOException e) {
      return null;
    }
  }

  /** The HTML body, or null. */
  public String html() {
    try {
      return MailBodies.html(message);
    } catch (MessagingException | IOException e) {
      return null;
    }
  }

  /** The attached files, in the order of the message. */
  public List<Attachment> attachments() {
    List<Attachment> found = new ArrayList<>();
    try {
      collect(message, found);
    } catch (MessagingException | IOException e) {
      // What could be read is shown; a broken part is left out.
    }
    return found;
  }

  private static void collect(Part part, List<Attachment> found) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart body = parts.getBodyPart(i);
        collect(body, found);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
      try (InputStream in = part.getInputStream()) {
        String name = part.getFileName() == null ? "attachment" : MimeUtility.decodeText(part.getFileName());
        String type = part.getContentType() == null ? "application/octet-stream"
            : new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        found.add(new Attachment(name, type, in.readAllBytes()));
      }
    }
  }

  /** A header's value (all of them, on one line), or null. */
  private static String header(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, ", ");
      return value == null ? null : MimeUtility.decodeText(MimeUtility.unfold(value)).replaceAll("\\s+", " ");
    } catch (MessagingException | IOException e) {
      return null;
    }
  }

  private static String raw(MimeMessage message) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      message.writeTo(bytes);
      return bytes.toString(StandardCharsets.ISO_8859_1);
    } catch (MessagingException e) {
      throw new IllegalStateException("A received mail cannot be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
