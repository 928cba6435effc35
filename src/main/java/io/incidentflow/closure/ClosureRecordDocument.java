package io.incidentflow.closure;

import io.incidentflow.incident.DisplayFormats;
import io.incidentflow.incident.Labels;
import io.incidentflow.incident.Templates;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A closure record as a readable, self-contained HTML document ({@code templates/closure/closure-record.html}),
 * its values in the words of the catalogue of labels: attached to the staff's closure mail and served by the API
 * ({@code ClosureRecordController}).
 */
@Component
public class ClosureRecordDocument {

  private final TemplateEngine html = Templates.engine("closure", TemplateMode.HTML, ".html");
  private final Labels labels;

  public ClosureRecordDocument(Labels labels) {
    this.labels = labels;
  }

  public String html(ClosureRecord record) {
    return html.process("closure-record", new Context(null, Map.of("record", record, "formats", DisplayFormats.INSTANCE,
        "labels", labels)));
  }

  /** The document's file name, e.g. {@code INC0000042-closure-record.html}. */
  public static String fileName(ClosureRecord record) {
    return record.incidentNumber() + "-closure-record.html";
  }
}
