package io.incidentflow.closure;

import io.incidentflow.incident.IncidentData;
import io.incidentflow.notification.IncidentEvent;
import io.incidentflow.notification.MailContent;
import io.incidentflow.notification.MailDraft;
import io.incidentflow.notification.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The staff's closure mail ({@code CLOSED}) carries the closure record: its figures in the text, the document
 * attached. The record is internal (agents, groups, every change): the caller's closure mail has none of it.
 */
@Component
public class ClosureRecordMail implements MailContent {

  private static final Logger LOG = LoggerFactory.getLogger(ClosureRecordMail.class);

  private final ClosureRecords records;
  private final ClosureRecordDocument document;

  public ClosureRecordMail(ClosureRecords records, ClosureRecordDocument document) {
    this.records = records;
    this.document = document;
  }

  @Override
  public void addTo(IncidentEvent event, Map<String, Object> incident, MailDraft mail) {
    if (event != IncidentEvent.CLOSED || mail.reader() != Reader.STAFF) {
      return;
    }
    String number = IncidentData.of(incident).number();
    records.find(number).ifPresentOrElse(record -> {
      mail.put("record", record);
      mail.attach(ClosureRecordDocument.fileName(record), document.html(record).getBytes(StandardCharsets.UTF_8),
          "text/html; charset=UTF-8");
    }, () -> LOG.warn("{}: no closure record to attach to the closure mail", number));
  }
}
