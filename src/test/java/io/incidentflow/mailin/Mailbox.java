package io.incidentflow.mailin;

import io.incidentflow.notification.DemoMailServer;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tests' side of the service desk's mailbox: mails sent to it through the demo's SMTP port, exactly as a
 * caller's mail program would (Message-ID and headers as given), and what its folders hold, read over IMAP.
 */
final class Mailbox {

  static final String SERVICE_DESK = DemoMailServer.SERVICE_DESK_ADDRESS;

  private final DemoMailServer server;
  private final ServiceDeskMailbox mailbox;
  private final Session session = Session.getInstance(new Properties());

  Mailbox(DemoMailServer server, ServiceDeskMailbox mailbox) {
    this.server = server;
    this.mailbox = mailbox;
  }

  /**
   * Forgets who read the mailbox: on a database that outlives the test run (PostgreSQL), the lease of the previous
   * run's node would otherwise keep this run from reading until it expires, as a crashed node does.
   */
  static void freshLease(DataSource dataSource) {
    new JdbcTemplate(dataSource).update("DELETE FROM mail_in_lease");
  }

  /** A sender of its own for one test, so that one test's mails never count towards another's flood limit. */
  static String sender(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static String messageId() {
    return "<" + UUID.randomUUID() + "@mail.example.com>";
  }

  /** A plain text mail from {@code from} to the service desk. */
  MimeMessage mail(String from, String subject, String text) throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(new InternetAddress(from));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SERVICE_DESK));
    mail.setSubject(subject, "UTF-8");
    mail.setText(text, "UTF-8");
    return mail;
  }

  /** A mail with a text and one attachment. */
  MimeMessage withAttachment(String from, String subject, String text, String fileName, byte[] content,
      String contentType) throws MessagingException {
    MimeMessage mail = mail(from, subject, text);
    MimeBodyPart body = new MimeBodyPart();
    body.setText(text, "UTF-8");
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content,
        contentType)));
    file.setFileName(fileName);
    file.setDisposition(MimeBodyPart.ATTACHMENT);
    mail.setContent(new MimeMultipart(body, file));
    return mail;
  }

  /** Sends {@code mail} with {@code messageId} (null: none at all) and the headers as they are. */
  String send(MimeMessage mail, String messageId) throws MessagingException {
    mail.saveChanges();
    if (messageId == null) {
      mail.removeHeader("Message-ID");
    } else {
      mail.setHeader("Message-ID", messageId);
    }
    transport(mail, new Address[] {new InternetAddress(SERVICE_DESK)});
    return messageId;
  }

  /** Sends {@code raw} (an RFC 822 message, however broken) to the service desk as it is. */
  void sendRaw(String raw) throws MessagingException {
    MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    transport(mail, new Address[] {new InternetAddress(SERVICE_DESK)});
  }

  private void transport(MimeMessage mail, Address[] to) throws MessagingException {
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect("127.0.0.1", server.port(), null, null);
      transport.sendMessage(mail, to);
    }
  }

  /** Moves the mail with {@code subject} from {@code folder} back to the inbox, as an operator would. */
  void moveBack(String folder, String subject) throws MessagingException {
    Store store = mailbox.connect();
    try {
      Folder from = store.getFolder(folder);
      from.open(Folder.READ_WRITE);
      for (Message message : from.getMessages()) {
        if (subject.equals(message.getSubject())) {
          from.copyMessages(new Message[] {message}, store.getFolder("INBOX"));
          message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
        }
      }
      from.close(true);
    } finally {
      store.close();
    }
  }

  /** The subjects of the mails in {@code folder} of the service desk's mailbox (none when it does not exist). */
  List<String> subjectsIn(String folder) throws MessagingException {
    Store store = mailbox.connect();
    try {
      Folder box = store.getFolder(folder);
      if (!box.exists()) {
        return List.of();
      }
      box.open(Folder.READ_ONLY);
      List<String> subjects = new ArrayList<>();
      for (Message message : box.getMessages()) {
        if (!message.isSet(jakarta.mail.Flags.Flag.DELETED)) {
          subjects.add(message.getSubject());
        }
      }
      box.close(false);
      return subjects;
    } finally {
      store.close();
    }
  }
}
