package io.incidentflow.mailin;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the service desk's mailbox while {@code incident-flow.mail-in.enabled}: a pass over the inbox
 * ({@link ServiceDeskMailbox#poll()}), then a wait for new mail, with IMAP IDLE where the server offers it (a new
 * mail is taken within a second) and at most {@code poll-interval} long, so that the lease is renewed and another
 * node's mail is seen. A pass that fails (the mail server or the database away) is logged and tried again after the
 * interval; nothing is lost, the mails wait in the inbox.
 */
@Component
public class MailInWatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailInWatcher.class);
  /** How often a stop looks whether the watcher has ended, waking it again meanwhile. */
  private static final long STOP_CHECK_MILLIS = 200;

  private final ServiceDeskMailbox mailbox;
  private final MailInSettings settings;
  private volatile boolean running;
  private volatile Thread thread;
  /** The inbox while the watcher waits on it with IDLE: any other use of it ends the wait. */
  private volatile IMAPFolder idling;
  /** How many passes over the mailbox this watcher has made since it started. */
  private final AtomicLong passes = new AtomicLong();
  private ScheduledExecutorService alarm;

  public MailInWatcher(ServiceDeskMailbox mailbox, MailInSettings settings) {
    this.mailbox = mailbox;
    this.settings = settings;
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      LOG.info("Mail in is off (incident-flow.mail-in.enabled)");
      return;
    }
    running = true;
    alarm = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread waker = new Thread(runnable, "mail-in-alarm");
      waker.setDaemon(true);
      return waker;
    });
    thread = new Thread(this::watch, "mail-in");
    thread.setDaemon(true);
    thread.start();
    LOG.info("Mail in reads {}@{}:{} ({}), folder {}", settings.username(), settings.host(), settings.port(),
        settings.protocol(), settings.folder());
  }

  private void watch() {
    while (running) {
      try {
        ServiceDeskMailbox.Pass pass = mailbox.poll();
        passes.incrementAndGet();
        if (pass.processed() + pass.ignored() + pass.rejected() > 0) {
          LOG.info("Mail in: {} taken, {} ignored, {} rejected, {} left for another attempt", pass.processed(),
              pass.ignored(), pass.rejected(), pass.left());
        }
        if (running) {
          waitForMail(pass.read() && pass.left() == 0);
        }
      } catch (Exception e) {
        LOG.warn("Mail in: the mailbox could not be read ({}); next attempt in {}", e.getMessage(),
            settings.pollInterval());
        pause();
      }
    }
  }

  /** Waits for new mail with IDLE where it may, else for the poll interval. */
  private void waitForMail(boolean mayIdle) throws MessagingException {
    if (!mayIdle || !settings.idle()) {
      pause();
      return;
    }
    Store store = mailbox.connect();
    try {
      if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
        pause();
        return;
      }
      IMAPFolder inbox = (IMAPFolder) store.getFolder(settings.folder());
      inbox.open(Folder.READ_ONLY);
      if (inbox.getMessageCount() > 0) {
        // Arrived after the pass read the inbox: IDLE would only report what comes after it.
        return;
      }
      idling = inbox;
      // Any other use of the folder ends an IDLE: the alarm does so after the poll interval.
      ScheduledFuture<?> wake = alarm.schedule(() -> wake(inbox), settings.pollInterval().toMillis(),
          TimeUnit.MILLISECONDS);
      try {
        inbox.idle(true);
      } finally {
        wake.cancel(false);
      }
    } finally {
      idling = null;
      store.close();
    }
  }

  /** Ends the IDLE on {@code inbox}: a command on the folder from another thread makes it send DONE first. */
  private static void wake(IMAPFolder inbox) {
    try {
      inbox.doCommand(protocol -> {
        protocol.simpleCommand("NOOP", null);
        return null;
      });
    } catch (MessagingException | IllegalStateException closedMeanwhile) {
      // The wait has ended already.
    }
  }

  private void pause() {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    Thread watcher = thread;
    watcher.interrupt();
    // Woken again until it ends: a wake that comes just before the watcher starts its IDLE finds nothing to end.
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    try {
      while (watcher.isAlive() && System.nanoTime() < deadline) {
        IMAPFolder waiting = idling;
        if (waiting != null) {
          wake(waiting);
        }
        watcher.join(STOP_CHECK_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    alarm.shutdownNow();
    try {
      mailbox.release();
    } catch (RuntimeException databaseAway) {
      LOG.info("Mail in: the lease could not be given up ({}); it expires by itself", databaseAway.getMessage());
    }
  }

  /** Whether it waits with IDLE now (or is about to). */
  boolean idling() {
    return idling != null;
  }

  /** How many passes over the mailbox it has made since it started. */
  long passes() {
    return passes.get();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
