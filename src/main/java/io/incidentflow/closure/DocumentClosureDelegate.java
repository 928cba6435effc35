package io.incidentflow.closure;

import static io.incidentflow.incident.IncidentVariables.*;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DocumentClosure}: records when the incident closed and a one-line summary of how, writes
 * its {@link ClosureRecord} to the application's own table (the model then sets {@code CLOSED}). An
 * incident closes either because the caller accepted the resolution or because nobody answered within
 * the auto-close period; {@code resolutionAccepted} is absent in the second case.
 */
@Component("documentClosureDelegate")
public class DocumentClosureDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentClosureDelegate.class);

  private final ClosureRecordBuilder builder;
  private final ClosureRecords records;

  public DocumentClosureDelegate(ClosureRecordBuilder builder, ClosureRecords records) {
    this.builder = builder;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentData incident = IncidentData.of(execution);
    Instant closedAt = EngineClock.now();
    String summary = summarize(incident);
    incident.setInstant(CLOSED_AT, closedAt);
    incident.set(CLOSURE_SUMMARY, summary);
    records.save(builder.build(execution, closedAt));
    LOG.info("{} closed: {}", incident.number(), summary);
  }

  static String summarize(IncidentData incident) {
    String how = incident.isTrue(RESOLUTION_ACCEPTED)
        ? "resolution accepted by the caller"
        : "closed automatically: the caller did not answer within the auto-close period";
    return String.format("%s (P%s %s, %s, %s): %s. Resolution %s by %s: %s. Reassigned %s time(s), reopened %s time(s).",
        incident.number(), incident.priority(), incident.text(PRIORITY_LABEL), incident.text(CATEGORY),
        incident.text(ASSIGNMENT_GROUP), how, incident.text(RESOLUTION_CODE), incident.text(RESOLVED_BY),
        incident.text(RESOLUTION_NOTES), incident.value(REASSIGNMENT_COUNT), incident.value(REOPEN_COUNT));
  }
}
