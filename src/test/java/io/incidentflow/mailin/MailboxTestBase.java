package io.incidentflow.mailin;

import io.incidentflow.IncidentFlowTestBase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the tests of Mail in share: the service desk's mailbox as the application reads it, its settings, and the
 * tests' own side of it ({@link Mailbox}), read from a fresh lease.
 */
abstract class MailboxTestBase extends IncidentFlowTestBase {

  @Autowired
  ServiceDeskMailbox serviceDesk;
  @Autowired
  MailInSettings settings;
  @Autowired
  DataSource dataSource;

  Mailbox mailbox;

  @BeforeEach
  void freshMailbox() {
    Mailbox.freshLease(dataSource);
    mailbox = new Mailbox(mailServer, serviceDesk);
  }
}
