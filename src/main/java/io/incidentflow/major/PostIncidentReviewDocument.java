package io.incidentflow.major;

import io.incidentflow.incident.DisplayFormats;
import io.incidentflow.incident.Labels;
import io.incidentflow.incident.Templates;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/** A post-incident review as a readable, self-contained HTML document ({@code templates/major/post-incident-review.html}). */
@Component
public class PostIncidentReviewDocument {

  private final TemplateEngine html = Templates.engine("major", TemplateMode.HTML, ".html");
  private final Labels labels;

  public PostIncidentReviewDocument(Labels labels) {
    this.labels = labels;
  }

  public String html(PostIncidentReview review) {
    return html.process("post-incident-review", new Context(null, Map.of("review", review,
        "formats", DisplayFormats.INSTANCE, "labels", labels)));
  }
}
