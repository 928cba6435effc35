package io.incidentflow.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's in-process SMTP server (GreenMail on {@code incident-flow.demo.smtp-port}, 3025 by
 * default): notifications really travel over SMTP with nothing to install. Received mails are kept in
 * memory and shown at {@code /demo/mail}.
 */
@Component
@Profile("demo")
public class DemoMailServer implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

  private final GreenMail server;

  public DemoMailServer(@Value("${incident-flow.demo.smtp-port:3025}") int port) {
    this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /**
   * Every mail received since the start, grouped by recipient mailbox rather than by arrival; a mail
   * to two recipients is there twice, once per mailbox, with the same Message-ID.
   */
  public List<MimeMessage> received() {
    return List.of(server.getReceivedMessages());
  }

  /** Forgets the mails received so far. */
  public void clear() throws FolderException {
    server.purgeEmailFromAllMailboxes();
  }

  @Override
  public void start() {
    server.start();
    LOG.info("Demo SMTP server listening on 127.0.0.1:{}; read the mails at /demo/mail", server.getSmtp().getPort());
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
