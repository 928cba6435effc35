package io.incidentflow.closure;

import io.incidentflow.incident.DisplayFormats;
import io.incidentflow.incident.Templates;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A closure record as a readable, self-contained HTML document ({@code templates/closure/closure-record.html}):
 * attached to the closure mail and served by the API ({@code ClosureRecordController}).
 */
@Component
public class ClosureRecordDocument {

  private final TemplateEngine html = Templates.engine("closure", TemplateMode.HTML, ".html");

  public String html(ClosureRecord record) {
    return html.process("closure-record", new Context(null, Map.of("record", record, "formats", DisplayFormats.INSTANCE)));
  }

  /** The document's file name, e.g. {@code INC0000042-closure-record.html}. */
  public static String fileName(ClosureRecord record) {
    return record.incidentNumber() + "-closure-record.html";
  }
}
