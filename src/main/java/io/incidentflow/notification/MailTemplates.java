package io.incidentflow.notification;

import io.incidentflow.incident.Templates;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders the HTML and plain-text bodies of a notification from {@code templates/mail/}. Thymeleaf
 * escapes every value it inserts into HTML, so what a caller typed arrives as text, never as markup.
 */
@Component
public class MailTemplates {

  private final TemplateEngine html = Templates.engine("mail", TemplateMode.HTML, ".html");
  private final TemplateEngine text = Templates.engine("mail", TemplateMode.TEXT, ".txt");

  /** The two bodies of the mail {@code template} ({@link IncidentEvent#template(Reader)}). */
  public Bodies render(String template, Map<String, Object> model) {
    Context context = new Context(null, model);
    return new Bodies(html.process(template, context), text.process(template, context));
  }

  /** An HTML body and its plain-text twin. */
  public record Bodies(String html, String text) {
  }
}
