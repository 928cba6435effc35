package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.IncidentFlowTestBase;
import io.incidentflow.Incidents;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A node that dies while it runs a job (kill -9) leaves the job locked. Another node, or the same one
 * restarted, takes it over within a minute, and no job outlives its lock, so none runs twice.
 */
@IncidentFlowTest
class DeadNodeTakeoverTest extends IncidentFlowTestBase {

  /** The SMTP dialogue of a delivery: connect, greeting, EHLO, MAIL FROM, three RCPT TO, DATA, the message, QUIT. */
  private static final int SMTP_STEPS = 10;

  @Autowired
  ProcessEngineConfigurationImpl configuration;
  @Autowired
  DataSource dataSource;
  @Autowired
  JavaMailSenderImpl mail;
  @Value("${camunda.bpm.job-execution.lock-time-in-millis}")
  long lockTime;
  @Value("${camunda.bpm.job-execution.max-wait}")
  long maxAcquisitionWait;


  @Test
  void aJobLockedByADeadNode_isTakenOverWithinAMinute() {
    ProcessInstance incident = runtime.startProcessInstanceByKey("IncidentManagementProcess", Incidents.vpnReport());
    Job timer = management.createJobQuery().processInstanceId(incident.getId()).activityId("Event_ResponseDue")
        .singleResult();
    Date died = timer.getDuedate();
    ClockUtil.setCurrentTime(died);
    // The dead node had just acquired it, as its job executor does: locked for the lock time from now.
    new JdbcTemplate(dataSource).update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'node-killed', LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
        new Date(died.getTime() + lockTime), timer.getId());

    ClockUtil.setCurrentTime(new Date(died.getTime() + lockTime - 1000));
    assertThat(acquirableNow()).as("still locked by the dead node").doesNotContain(timer.getId());
    ClockUtil.setCurrentTime(new Date(died.getTime() + lockTime + 1000));
    assertThat(acquirableNow()).as("taken over once the lock expires").contains(timer.getId());
    assertThat(Duration.ofMillis(lockTime + maxAcquisitionWait)).as("the takeover, acquisition wait included")
        .isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void noJobOutlivesItsLock() {
    long smtp = Long.parseLong(mail.getJavaMailProperties().getProperty("mail.smtp.connectiontimeout"))
        + (SMTP_STEPS - 1) * Math.max(Long.parseLong(mail.getJavaMailProperties().getProperty("mail.smtp.timeout")),
            Long.parseLong(mail.getJavaMailProperties().getProperty("mail.smtp.writetimeout")));
    assertThat(smtp).as("the slowest delivery that still ends").isLessThan(lockTime);
    assertThat(configuration.getJdbcStatementTimeout()).as("a statement on a stuck database").isNotNull();
    assertThat(configuration.getJdbcStatementTimeout() * 1000L).isLessThan(lockTime);
  }

  /** The jobs a job executor would acquire now, were it looking. */
  private List<String> acquirableNow() {
    JobExecutor executor = configuration.getJobExecutor();
    AcquiredJobs acquired = configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executor, 1000));
    List<String> ids = acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
    // Leave them as found: this test acquires on nobody's behalf.
    new JdbcTemplate(dataSource).update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ = ?",
        executor.getLockOwner());
    return ids;
  }
}
