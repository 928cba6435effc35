package io.incidentflow.mailin;

import io.incidentflow.incident.Digests;
import io.incidentflow.mailin.IncomingMail.Attachment;
import io.incidentflow.notification.MailThreads;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.springframework.stereotype.Component;

/**
 * Reads a mail of the service desk's mailbox ({@link IncomingMail}): who sent it, what it answers, what the sender
 * wrote (an HTML body reduced to text with jsoup: no markup, no script, survives), its files, and whether it is a
 * mail to be ignored or one that cannot be taken.
 */
@Component
class MailReader {

  /** The longest Message-ID kept as it is (the column mail_in_message.message_id); a longer one is hashed. */
  static final int MESSAGE_ID_MAX = 300;
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n]]");
  private static final List<String> BULK = List.of("bulk", "junk", "list", "auto_reply");
  private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster|no-?reply)@.*");
  private static final int FILE_NAME_MAX = 255;
  /** The headers the sender wrote, which make a mail without Message-ID the same mail on every delivery. */
  private static final List<String> SENDERS_HEADERS = List.of("From", "To", "Cc", "Date", "Subject");
  private static final int CONTENT_TYPE_MAX = 100;

  private final MailInSettings settings;
  private final MailThreads threads;

  MailReader(MailInSettings settings, MailThreads threads) {
    this.settings = settings;
    this.threads = threads;
  }

  /**
   * The Message-ID of {@code message}, or {@code <sha256@mail-in.incident-flow>} when it has none: a hash of what the
   * sender wrote (its From, To, Cc, Date and Subject and its body as sent), not of the trace headers each delivery
   * adds, so that the same mail delivered twice has the same id.
   */
  String messageId(Message message) throws MessagingException, IOException {
    String[] ids = message.getHeader("Message-ID");
    String id = ids == null || ids.length == 0 ? null : ids[0].strip();
    if (id != null && !id.isEmpty()) {
      // One that does not fit the column is known by its hash, as stable as itself.
      return id.length() <= MESSAGE_ID_MAX ? id : "<" + Digests.sha256Hex(id) + "@id.mail-in.incident-flow>";
    }
    StringBuilder written = new StringBuilder();
    for (String name : SENDERS_HEADERS) {
      String[] values = message.getHeader(name);
      written.append(name).append(": ").append(values == null ? "" : String.join(", ", values)).append('\n');
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (message instanceof MimeMessage mime) {
      try (InputStream raw = mime.getRawInputStream()) {
        raw.transferTo(body);
      }
    } else {
      message.writeTo(body);
    }
    written.append('\n').append(body.toString(StandardCharsets.ISO_8859_1));
    return "<" + Digests.sha256Hex(written.toString()) + "@mail-in.incident-flow>";
  }

  /** Reads {@code message}, whose Message-ID is {@code messageId}. */
  IncomingMail read(Message message, String messageId) {
    String sender = null;
    String subject = "";
    try {
      subject = oneLine(message.getSubject());
      InternetAddress from = sender(message);
      if (message.getSize() > settings.maxMessageSize().toBytes()) {
        return IncomingMail.unreadable(messageId, from == null ? null : from.getAddress(), subject, "the mail has "
            + message.getSize() + " bytes, more than incident-flow.mail-in.max-message-size ("
            + settings.maxMessageSize().toBytes() + ")");
      }
      if (from == null) {
        return IncomingMail.unreadable(messageId, null, subject, "the mail has no sender (From) that can be read");
      }
      sender = from.getAddress().toLowerCase(Locale.ROOT);
      String ignored = ignoredBecause(message, sender);
      Body body = new Body();
      if (ignored == null) {
        body.read(message);
      }
      for (Attachment attachment : body.attachments) {
        if (attachment.content().length > settings.maxAttachmentSize().toBytes()) {
          return IncomingMail.unreadable(messageId, sender, subject, "the attachment " + attachment.fileName() + " has "
              + attachment.content().length + " bytes, more than incident-flow.mail-in.max-attachment-size ("
              + settings.maxAttachmentSize().toBytes() + ")");
        }
      }
      String personal = from.getPersonal() == null || from.getPersonal().isBlank() ? sender.substring(0,
          sender.indexOf('@') < 0 ? sender.length() : sender.indexOf('@')) : oneLine(from.getPersonal());
      return new IncomingMail(messageId, sender, personal, subject, threadIds(message), importance(message),
          QuotedHistory.cut(body.text()), List.copyOf(body.attachments), ignored, null);
    } catch (MessagingException | IOException | RuntimeException e) {
      return IncomingMail.unreadable(messageId, sender, subject, "the mail cannot be read: " + e.getMessage());
    }
  }

  private static InternetAddress sender(Message message) {
    try {
      Address[] from = message.getFrom();
      if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
          || address.getAddress() == null || !address.getAddress().contains("@")) {
        return null;
      }
      address.validate();
      return address;
    } catch (MessagingException e) {
      return null;
    }
  }

  /** Why {@code message} is answered by nobody: an auto-reply, a delivery report, or a mail of our own. */
  private String ignoredBecause(Message message, String sender) throws MessagingException {
    String autoSubmitted = header(message, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.equalsIgnoreCase("no")) {
      return "automatic mail (Auto-Submitted: " + autoSubmitted + ")";
    }
    String precedence = header(message, "Precedence");
    if (precedence != null && BULK.contains(precedence.toLowerCase(Locale.ROOT))) {
      return "automatic mail (Precedence: " + precedence + ")";
    }
    for (String autoReply : List.of("X-Autoreply", "X-Autorespond")) {
      if (header(message, autoReply) != null) {
        return "automatic mail (" + autoReply + ")";
      }
    }
    if (message.isMimeType("multipart/report")) {
      return "delivery report (multipart/report)";
    }
    if (DAEMON.matcher(sender).matches()) {
      return "delivery report or no-reply sender (" + sender + ")";
    }
    if (sender.equalsIgnoreCase(threads.senderAddress()) || header(message, "X-Incident-Flow-Incident") != null) {
      return "our own mail (from " + sender + ")";
    }
    return null;
  }

  private static List<String> threadIds(Message message) throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("In-Reply-To", "References")) {
      String value = header(message, name);
      if (value != null) {
        Matcher id = MESSAGE_ID.matcher(value);
        while (id.find()) {
          ids.add(id.group());
        }
      }
    }
    return List.copyOf(ids);
  }

  private static String importance(Message message) throws MessagingException {
    String importance = header(message, "Importance");
    String priority = header(message, "X-Priority");
    String plain = header(message, "Priority");
    if (importance != null) {
      String value = importance.strip().toLowerCase(Locale.ROOT);
      return value.startsWith("high") ? "high" : value.startsWith("low") ? "low" : "normal";
    }
    if (priority != null && !priority.isBlank()) {
      char level = priority.strip().charAt(0);
      return level == '1' || level == '2' ? "high" : level == '4' || level == '5' ? "low" : "normal";
    }
    if (plain != null) {
      String value = plain.strip().toLowerCase(Locale.ROOT);
      return value.equals("urgent") ? "high" : value.equals("non-urgent") ? "low" : "normal";
    }
    return "normal";
  }

  private static String header(Message message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null || values.length == 0 ? null : values[0].strip();
  }

  /** One line of text: control characters and line breaks become spaces. */
  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }

  /** The text and the files of a mail: its first plain text, else its first HTML reduced to text. */
  private static final class Body {

    private String plain;
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();

    void read(Part part) throws MessagingException, IOException {
      String disposition = part.getDisposition();
      String fileName = part.getFileName();
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          read(child);
        }
      } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null
          || part.isMimeType("message/rfc822")) {
        attachments.add(new Attachment(fileName(fileName), contentType(part), bytes(part)));
      } else if (part.isMimeType("text/plain") && plain == null) {
        plain = String.valueOf(part.getContent());
      } else if (part.isMimeType("text/html") && html == null) {
        html = String.valueOf(part.getContent());
      } else if (part instanceof MimeMessage && part.isMimeType("text/*") && plain == null) {
        plain = String.valueOf(part.getContent());
      }
    }

    String text() {
      String text = plain != null ? plain : html != null ? htmlToText(html) : "";
      return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
      try (InputStream in = part.getInputStream()) {
        return in.readAllBytes();
      }
    }

    private static String fileName(String name) throws IOException {
      String decoded = name == null ? "attachment" : MimeUtility.decodeText(name);
      // Only the name, never a path, and nothing a header or a terminal would take for a control.
      String base = decoded.substring(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1);
      String clean = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
      clean = clean.isEmpty() || clean.equals(".") || clean.equals("..") ? "attachment" : clean;
      return clean.length() > FILE_NAME_MAX ? clean.substring(clean.length() - FILE_NAME_MAX) : clean;
    }

    private static String contentType(Part part) {
      try {
        String base = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        return base.length() > CONTENT_TYPE_MAX ? "application/octet-stream" : base;
      } catch (MessagingException | RuntimeException e) {
        return "application/octet-stream";
      }
    }
  }

  /** An HTML body as the text a reader sees: no markup, scripts or styles; paragraphs and line breaks kept. */
  static String htmlToText(String html) {
    Document document = Jsoup.parse(html);
    // A reply's quoted history is a blockquote in HTML: cut like the quoted lines of a plain text.
    document.select("script, style, head, title, blockquote").remove();
    for (Element block : document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table")) {
      block.before(new TextNode("\n"));
      block.after(new TextNode("\n"));
    }
    String text = document.body() == null ? document.wholeText() : document.body().wholeText();
    return Arrays.stream(text.split("\n", -1)).map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
        .replaceAll("\n{3,}", "\n\n").strip();
  }
}
