package io.incidentflow.mailin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.DatabaseSwitch;
import io.incidentflow.IncidentFlowTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Never lose: a mail whose taking fails stays in the inbox and is taken once the cause is gone; one that keeps
 * failing is tried {@code max-attempts} times, then rejected with the reason, never deleted.
 */
@IncidentFlowTest
class MailInFailureTest extends MailboxTestBase {

  @Autowired
  MailReader reader;
  @Autowired
  MailInMessages messages;
  @Autowired
  MailInLease lease;
  @Autowired
  TransactionTemplate transactions;

  @AfterEach
  void databaseBack() {
    DatabaseSwitch.on();
  }

  @Test
  void aMailArrivingWhileTheDatabaseIsAway_waitsInTheInbox_andIsTakenOnceItIsBack() throws Exception {
    String caller = Mailbox.sender("outage");
    String subject = "Printer offline during the outage " + UUID.randomUUID();
    mailbox.send(mailbox.mail(caller, subject, "Offline."), Mailbox.messageId());

    DatabaseSwitch.off();
    assertThatThrownBy(serviceDesk::poll).isInstanceOf(RuntimeException.class);
    DatabaseSwitch.on();
    assertThat(mailbox.subjectsIn("INBOX")).contains(subject);

    assertThat(serviceDesk.poll().processed()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("callerEmail", caller).count()).isEqualTo(1);
    assertThat(mailbox.subjectsIn("INBOX")).doesNotContain(subject);
  }

  @Test
  void aMailThatKeepsFailing_isTriedMaxAttemptsTimes_thenRejectedWithTheReason_andTakenWhenMovedBack() throws Exception {
    String subject = "Always fails " + UUID.randomUUID();
    String messageId = mailbox.send(mailbox.mail(Mailbox.sender("fails"), subject, "Text."), Mailbox.messageId());
    ServiceDeskMailbox failing = new ServiceDeskMailbox(settings, reader, new FailingIntake(), messages, lease,
        transactions);
    try {
      for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
        ServiceDeskMailbox.Pass pass = failing.poll();
        assertThat(pass.left()).as("attempt %d leaves it in the inbox", attempt).isEqualTo(1);
        assertThat(mailbox.subjectsIn("INBOX")).contains(subject);
      }

      ServiceDeskMailbox.Pass last = failing.poll();

      assertThat(last.rejected()).isEqualTo(1);
      assertThat(mailbox.subjectsIn("INBOX")).doesNotContain(subject);
      assertThat(mailbox.subjectsIn(settings.rejectedFolder())).contains(subject);
      assertThat(messages.find(messageId)).get().satisfies(taken -> {
        assertThat(taken.outcome()).isEqualTo(MailInMessages.Outcome.REJECTED);
        assertThat(taken.reason()).isEqualTo("failed " + settings.maxAttempts() + " times, last:"
            + " DataAccessResourceFailureException: the orders database is away");
      });
    } finally {
      failing.release();
    }

    // Moved back to the inbox once the cause is gone, it is taken after all.
    mailbox.moveBack(settings.rejectedFolder(), subject);
    assertThat(serviceDesk.poll().processed()).isEqualTo(1);
    assertThat(messages.find(messageId)).get().extracting(MailInMessages.Taken::outcome)
        .isEqualTo(MailInMessages.Outcome.INCIDENT);
    assertThat(mailbox.subjectsIn(settings.rejectedFolder())).doesNotContain(subject);
  }

  /** An intake whose every attempt fails as an outage of something it needs would make it fail. */
  private static final class FailingIntake extends MailIntake {

    FailingIntake() {
      super(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    Taken take(IncomingMail mail) {
      throw new DataAccessResourceFailureException("the orders database is away");
    }
  }
}
