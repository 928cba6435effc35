package io.incidentflow.incident;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf engines for the documents the application writes (mails, closure records), reading
 * {@code templates/<folder>/} from the classpath. In HTML mode every value inserted with
 * {@code th:text} is escaped, so what a user typed arrives as text, never as markup.
 */
public final class Templates {

  private Templates() {
  }

  /** An engine for {@code templates/<folder>/<name><suffix>} in the given mode. */
  public static TemplateEngine engine(String folder, TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/" + folder + "/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
