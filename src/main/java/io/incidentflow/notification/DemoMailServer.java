package io.incidentflow.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.incidentflow.notification.DemoSmtpPortUnavailableException.DemoPort;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's in-process mail server (GreenMail on {@code incident-flow.demo.smtp-port}, 3025 by
 * default, {@code INCIDENT_FLOW_DEMO_SMTP_PORT}): notifications really travel over SMTP with nothing to install.
 * Received mails are kept in memory and shown at {@code /demo/mail}. It serves the service desk's mailbox
 * ({@value #SERVICE_DESK_ADDRESS}, user and password {@value #SERVICE_DESK_LOGIN}) over IMAP too, on
 * {@code incident-flow.demo.imap-port} (3143, {@code INCIDENT_FLOW_DEMO_IMAP_PORT}), which Mail in reads. A port
 * that another program holds stops the start with {@link DemoSmtpPortUnavailableException}, which
 * {@link DemoSmtpPortFailureAnalyzer} explains.
 */
@Component
@Profile("demo")
public class DemoMailServer implements SmartLifecycle {

  /** The demo listens on this machine only. */
  static final String ADDRESS = "127.0.0.1";
  /** The service desk's mailbox, where callers write and Mail in reads. */
  public static final String SERVICE_DESK_ADDRESS = "service-desk@incidentflow.example";
  /** The mailbox's IMAP user, also its password (a demo's). */
  public static final String SERVICE_DESK_LOGIN = "service-desk";
  private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

  private final int port;
  private final int imapPort;
  private final GreenMail server;

  public DemoMailServer(DemoMailSettings settings) {
    this.port = settings.smtpPort();
    this.imapPort = settings.imapPort();
    this.server = new GreenMail(new ServerSetup[] {new ServerSetup(port, ADDRESS, ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, ADDRESS, ServerSetup.PROTOCOL_IMAP)});
  }

  /**
   * Every mail received since the start, grouped by recipient mailbox rather than by arrival; a mail
   * to two recipients is there twice, once per mailbox, with the same Message-ID.
   */
  public List<MimeMessage> received() {
    return List.of(server.getReceivedMessages());
  }

  /**
   * Every mail received since the start, newest first, each once however many recipients it had
   * ({@link DemoMail#deliveries()} counts how often it arrived in one mailbox).
   */
  public List<DemoMail> mails() {
    Map<String, DemoMail> mails = new LinkedHashMap<>();
    for (GreenMailUser user : server.getUserManager().listUser()) {
      Map<String, Integer> copies = new HashMap<>();
      for (StoredMessage stored : messages(user)) {
        MimeMessage message = stored.getMimeMessage();
        String id = DemoMail.idOf(message);
        int copy = copies.merge(id, 1, Integer::sum);
        Instant received = stored.getReceivedDate() == null ? Instant.EPOCH : stored.getReceivedDate().toInstant();
        mails.merge(id, new DemoMail(id, received, copy, message), (known, another) -> new DemoMail(id,
            known.receivedAt().isBefore(another.receivedAt()) ? known.receivedAt() : another.receivedAt(),
            Math.max(known.deliveries(), another.deliveries()), known.message()));
      }
    }
    return mails.values().stream().sorted(Comparator.comparing(DemoMail::receivedAt)
        .thenComparing(DemoMail::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(DemoMail::id).reversed()).toList();
  }

  /** The mail {@code id} ({@link DemoMail#id()}), if it was received. */
  public Optional<DemoMail> mail(String id) {
    return mails().stream().filter(mail -> mail.id().equals(id)).findFirst();
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** Forgets the mails received so far. */
  public void clear() throws FolderException {
    server.purgeEmailFromAllMailboxes();
  }

  @Override
  public void start() {
    requireFreePort(port, DemoPort.SMTP);
    requireFreePort(imapPort, DemoPort.IMAP);
    try {
      server.start();
    } catch (IllegalStateException e) {
      // Taken between the check and the start: GreenMail only reports a startup timeout then.
      throw new DemoSmtpPortUnavailableException(port, e);
    }
    server.setUser(SERVICE_DESK_ADDRESS, SERVICE_DESK_LOGIN, SERVICE_DESK_LOGIN);
    LOG.info("Demo SMTP server listening on {}:{}; read the mails at /demo/mail. The service desk's mailbox {} is"
        + " served over IMAP on {}:{}", ADDRESS, port, SERVICE_DESK_ADDRESS, ADDRESS, imapPort);
  }

  /** Fails with the reason the system gives (a port in use) rather than GreenMail's timeout after two seconds. */
  private static void requireFreePort(int port, DemoPort which) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), port));
    } catch (BindException e) {
      throw new DemoSmtpPortUnavailableException(port, which, e);
    } catch (IOException e) {
      throw new IllegalStateException("The demo mail server cannot check its port " + port + ": " + e.getMessage(), e);
    }
  }

  /**
   * The mails of {@code user}'s mailbox, in every folder: Mail in moves the service desk's mails out of its inbox
   * (processed, ignored, rejected), and the demo mailbox still shows them. A copy marked deleted (moved away) is
   * left out.
   */
  private List<StoredMessage> messages(GreenMailUser user) {
    try {
      List<StoredMessage> messages = new ArrayList<>();
      for (MailFolder folder : server.getManagers().getImapHostManager().listMailboxes(user, "*")) {
        folder.getMessages().stream().filter(stored -> !stored.getFlags().contains(Flags.Flag.DELETED))
            .forEach(messages::add);
      }
      return messages;
    } catch (FolderException e) {
      throw new IllegalStateException("The demo mailbox of " + user.getEmail() + " cannot be read", e);
    }
  }

  @Override
  public void stop() {
    server.stop();
  }

  @Override
  public boolean isRunning() {
    return server.isRunning();
  }

  /** Start before anything that might send mail, stop after it. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE;
  }
}
