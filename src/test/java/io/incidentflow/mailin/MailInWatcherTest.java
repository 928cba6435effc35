package io.incidentflow.mailin;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The watcher as it runs in the background: it takes a new mail at once with IMAP IDLE (long before its poll
 * interval), and one node at a time reads the mailbox (the lease).
 */
@IncidentFlowTest
class MailInWatcherTest extends MailboxTestBase {

  @Autowired
  MailInLease lease;

  @Test
  void aWatchingNode_takesANewMailAtOnce_withIdle_andGivesUpTheLeaseWhenItStops() throws Exception {
    MailInWatcher watcher = new MailInWatcher(serviceDesk, enabled(Duration.ofMinutes(5)));
    String caller = Mailbox.sender("idle");
    watcher.start();
    try {
      waitUntil(watcher::idling);
      assertThat(lease.acquire("another-node", Duration.ofMinutes(1))).as("the watcher holds the lease").isFalse();
      // The IDLE command goes out just after the watcher says it waits: a mail in that instant would wait for the
      // poll interval (README: Mail in).
      Thread.sleep(500);
      mailbox.send(mailbox.mail(caller, "Scanner offline " + UUID.randomUUID(), "Offline."), Mailbox.messageId());

      waitUntil(() -> runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", caller).count() > 0);
      assertThat(runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", caller).count())
          .as("taken within seconds, though the poll interval is five minutes").isEqualTo(1);
    } finally {
      stopWithin(watcher, Duration.ofSeconds(5));
    }
    assertThat(watcher.isRunning()).isFalse();
    assertThat(lease.acquire("another-node", Duration.ofMinutes(1))).as("given up at the stop").isTrue();
    lease.release("another-node");
  }

  @Test
  void aWaitingWatcher_looksAgainAfterItsPollInterval_evenWithoutNewMail() throws Exception {
    MailInWatcher watcher = new MailInWatcher(serviceDesk, enabled(Duration.ofSeconds(1)));
    watcher.start();
    try {
      waitUntil(() -> watcher.passes() >= 3);
      assertThat(watcher.passes()).as("a pass a second, each wait ended by the alarm").isGreaterThanOrEqualTo(3);
    } finally {
      stopWithin(watcher, Duration.ofSeconds(5));
    }
  }

  /** The settings of this application's mailbox, enabled, with {@code pollInterval}. */
  private MailInSettings enabled(Duration pollInterval) {
    return new MailInSettings(true, settings.protocol(), settings.host(), settings.port(), settings.username(),
        settings.password(), settings.starttls(), settings.folder(), settings.processedFolder(),
        settings.ignoredFolder(), settings.rejectedFolder(), pollInterval, true, settings.maxAttachmentSize(),
        settings.maxMessageSize(), settings.maxAttempts(), settings.incidentsPerSenderPerHour(),
        settings.closedReplyPeriod(), settings.leaseDuration(), settings.timeout());
  }

  /** Stops {@code watcher}, which must end its IDLE and its thread at once, not after a timeout. */
  private static void stopWithin(MailInWatcher watcher, Duration limit) {
    long started = System.nanoTime();
    watcher.stop();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
  }

  /** Waits at most 20 seconds for {@code condition}, far less than the watcher's poll interval. */
  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void oneNodeAtATime_readsTheMailbox_untilItsLeaseExpires() throws Exception {
    assertThat(lease.acquire("node-a", Duration.ofMillis(300))).isTrue();
    assertThat(lease.acquire("node-b", Duration.ofMinutes(1))).isFalse();
    assertThat(lease.acquire("node-a", Duration.ofMillis(300))).as("renewed by its holder").isTrue();

    long expired = System.nanoTime() + Duration.ofMillis(400).toNanos();
    while (System.nanoTime() < expired) {
      Thread.sleep(50);
    }
    assertThat(lease.acquire("node-b", Duration.ofMinutes(1))).as("taken over once expired").isTrue();
    assertThat(serviceDesk.poll().read()).as("this node waits while node-b reads").isFalse();
    lease.release("node-b");
    assertThat(serviceDesk.poll().read()).isTrue();
  }
}
