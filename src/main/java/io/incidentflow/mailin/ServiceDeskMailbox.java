package io.incidentflow.mailin;

import io.incidentflow.mailin.MailInMessages.Outcome;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service desk's mailbox over IMAP: one pass takes every mail in the inbox and moves it out, to the processed
 * folder (it made an incident or a comment), the ignored folder (an auto-reply, a bounce, our own mail: nothing is
 * made, nothing is sent) or the rejected folder (it cannot be taken; the log says why). Nothing is ever deleted. A
 * mail whose taking fails (the database is away) stays in the inbox for the next pass, up to
 * {@code max-attempts}; then it is rejected with the last reason. Only the node that holds {@link MailInLease} reads.
 */
@Component
public class ServiceDeskMailbox {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDeskMailbox.class);

  /** What a pass did: how many mails went to each folder, how many stay for the next pass, whether it read at all. */
  public record Pass(boolean read, int processed, int ignored, int rejected, int left) {
  }

  private final MailInSettings settings;
  private final MailReader reader;
  private final MailIntake intake;
  private final MailInMessages messages;
  private final MailInLease lease;
  private final TransactionTemplate transactions;
  private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

  ServiceDeskMailbox(MailInSettings settings, MailReader reader, MailIntake intake, MailInMessages messages,
      MailInLease lease, TransactionTemplate transactions) {
    this.settings = settings;
    this.reader = reader;
    this.intake = intake;
    this.messages = messages;
    this.lease = lease;
    this.transactions = transactions;
  }

  /** Reads the inbox once, unless another node holds the lease. */
  public Pass poll() throws MessagingException {
    if (!lease.acquire(node, settings.leaseDuration())) {
      LOG.debug("Another node reads the mailbox");
      return new Pass(false, 0, 0, 0, 0);
    }
    Store store = connect();
    try {
      Folder inbox = store.getFolder(settings.folder());
      inbox.open(Folder.READ_WRITE);
      Map<Outcome, Folder> targets = targets(store);
      int[] counts = new int[4];
      for (Message message : inbox.getMessages()) {
        if (message.isSet(Flags.Flag.DELETED)) {
          continue;
        }
        Outcome outcome = take(inbox, message);
      // Stops here, between taking and moving, when the node stops: the next pass finds the mail taken.
        if (outcome == null) {
          counts[3]++;
          continue;
        }
        inbox.copyMessages(new Message[] {message}, targets.get(outcome));
        message.setFlag(Flags.Flag.DELETED, true);
        counts[outcome == Outcome.IGNORED ? 1 : outcome == Outcome.REJECTED ? 2 : 0]++;
        if (!lease.acquire(node, settings.leaseDuration())) {
          LOG.warn("The mailbox lease passed to another node during a pass; this node stops reading");
          break;
        }
      }
      inbox.close(true);
      return new Pass(true, counts[0], counts[1], counts[2], counts[3]);
    } finally {
      store.close();
    }
  }

  /** Gives up the lease, so that another node reads at once (at shutdown). */
  void release() {
    lease.release(node);
  }

  /** Takes one mail: where it goes, or null when it stays in the inbox for another attempt. */
  private Outcome take(Folder inbox, Message message) throws MessagingException {
    String messageId = messageId(inbox, message);
    Optional<MailInMessages.Taken> before = messages.find(messageId);
    if (before.isPresent() && before.get().outcome() == Outcome.REJECTED) {
      // Back in the inbox after it was rejected: moved back by someone who wants it taken after all.
      LOG.info("Mail {} was rejected before ({}); it is read again", messageId, before.get().reason());
      messages.forgetRejection(messageId);
    } else if (before.isPresent()) {
      // Taken before the node stopped, or seen twice (the same mail delivered again): never taken twice.
      LOG.info("Mail {} was taken already ({}{}); moved out of the inbox", messageId, before.get().outcome().value(),
          before.get().incidentNumber() == null ? "" : ", " + before.get().incidentNumber());
      return before.get().outcome();
    }
    IncomingMail mail = reader.read(message, messageId);
    if (mail.ignoredBecause() != null) {
      LOG.info("Mail {} from {} ignored: {}", messageId, mail.sender(), mail.ignoredBecause());
      return settle(mail, Outcome.IGNORED, mail.ignoredBecause());
    }
    if (mail.rejectedBecause() != null) {
      return reject(mail, mail.rejectedBecause());
    }
    try {
      intake.take(mail);
      return Outcome.INCIDENT;
    } catch (DuplicateKeyException takenMeanwhile) {
      LOG.info("Mail {} was taken meanwhile by another node", messageId);
      return Outcome.INCIDENT;
    } catch (RuntimeException failure) {
      if (MailIntake.refusedForGood(failure)) {
        return reject(mail, failure.getMessage());
      }
      return failed(mail, failure);
    }
  }

  /** A failure no retry may help: counted, and the mail rejected at the last attempt. */
  private Outcome failed(IncomingMail mail, RuntimeException failure) {
    String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    int attempts;
    try {
      attempts = messages.failed(mail.messageId(), reason);
    } catch (RuntimeException cannotCount) {
      LOG.warn("Mail {} from {} could not be taken ({}), nor the attempt counted ({}); it stays in the inbox",
          mail.messageId(), mail.sender(), reason, cannotCount.getMessage());
      return null;
    }
    if (attempts >= settings.maxAttempts()) {
      return reject(mail, "failed " + attempts + " times, last: " + reason);
    }
    LOG.warn("Mail {} from {} could not be taken (attempt {} of {}): {}; it stays in the inbox", mail.messageId(),
        mail.sender(), attempts, settings.maxAttempts(), reason, failure);
    return null;
  }

  private Outcome reject(IncomingMail mail, String reason) {
    LOG.warn("Mail {} from {} ('{}') rejected: {}", mail.messageId(), mail.sender(), mail.subject(), reason);
    return settle(mail, Outcome.REJECTED, reason);
  }

  /** Remembers a mail that makes nothing; null (stays in the inbox) while that cannot be recorded. */
  private Outcome settle(IncomingMail mail, Outcome outcome, String reason) {
    try {
      transactions.executeWithoutResult(tx -> messages.record(mail, outcome, null, reason));
      return outcome;
    } catch (DuplicateKeyException recordedMeanwhile) {
      return outcome;
    } catch (RuntimeException cannotRecord) {
      LOG.warn("Mail {} stays in the inbox: it could not be recorded as {} ({})", mail.messageId(), outcome.value(),
          cannotRecord.getMessage());
      return null;
    }
  }

  private String messageId(Folder inbox, Message message) throws MessagingException {
    try {
      return reader.messageId(message);
    } catch (MessagingException | IOException | RuntimeException unreadable) {
      // Not even its bytes can be read: the mailbox's own id of it stands in, stable while the mail is there.
      long validity = inbox instanceof UIDFolder uids ? uids.getUIDValidity() : 0;
      long uid = inbox instanceof UIDFolder uids ? uids.getUID(message) : message.getMessageNumber();
      return "<" + validity + "." + uid + "@uid.mail-in.incident-flow>";
    }
  }

  private Map<Outcome, Folder> targets(Store store) throws MessagingException {
    Map<Outcome, Folder> targets = new EnumMap<>(Outcome.class);
    targets.put(Outcome.INCIDENT, folder(store, settings.processedFolder()));
    targets.put(Outcome.COMMENT, targets.get(Outcome.INCIDENT));
    targets.put(Outcome.IGNORED, folder(store, settings.ignoredFolder()));
    targets.put(Outcome.REJECTED, folder(store, settings.rejectedFolder()));
    return targets;
  }

  private static Folder folder(Store store, String name) throws MessagingException {
    Folder folder = store.getFolder(name);
    if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("The mailbox has no folder " + name + " and refuses to create it");
    }
    return folder;
  }

  /** A connection to the mailbox, TLS as configured. */
  Store connect() throws MessagingException {
    String protocol = settings.protocol();
    Properties properties = new Properties();
    String timeout = String.valueOf(settings.timeout().toMillis());
    properties.put("mail." + protocol + ".connectiontimeout", timeout);
    properties.put("mail." + protocol + ".timeout", timeout);
    properties.put("mail." + protocol + ".writetimeout", timeout);
    if ("imap".equals(protocol) && settings.starttls()) {
      properties.put("mail.imap.starttls.enable", "true");
      properties.put("mail.imap.starttls.required", "true");
    }
    if ("imaps".equals(protocol) || settings.starttls()) {
      properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    Store store = Session.getInstance(properties).getStore(protocol);
    store.connect(settings.host(), settings.port(), settings.username(), settings.password());
    return store;
  }
}
