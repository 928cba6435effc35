package io.incidentflow.notification;

import io.incidentflow.incident.DisplayFormats;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.incident.Templates;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The demo mailbox: what the in-process SMTP server received, for administrators (it holds every resolution link;
 * {@link io.incidentflow.api.ApiAuthentication} asks for the login). Only in the demo profile.
 * <ul>
 * <li>{@code GET /demo/mail} in a browser ({@code Accept: text/html}): a page listing the mails, newest first,
 * each once, with a link to each;</li>
 * <li>{@code GET /demo/mail} for any other client (scripts: curl, tests), and {@code GET /demo/mail.json}: the same
 * list as JSON, with each mail's headers and plain-text body;</li>
 * <li>{@code GET /demo/mail/{id}}: one mail, its headers, its HTML body in a sandboxed frame, its text, its
 * attachments; the id comes from the Message-ID and stays as mails arrive;</li>
 * <li>{@code GET /demo/mail/{id}/attachments/{index}}: an attachment, as a download.</li>
 * </ul>
 */
@RestController
@Profile("demo")
public class DemoMailController {

  static final String MAILBOX = "/demo/mail";

  private final DemoMailServer server;
  private final TemplateEngine pages = Templates.engine("demo", TemplateMode.HTML, ".html");

  public DemoMailController(DemoMailServer server) {
    this.server = server;
  }

  @GetMapping(path = MAILBOX, produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page() {
    return html("mailbox", Map.of("mails", server.mails(), "port", server.port()));
  }

  /** Without {@code produces}: what every client gets that does not ask for HTML first, as scripts always did. */
  @GetMapping(path = {MAILBOX, MAILBOX + ".json"})
  public ResponseEntity<List<Map<String, Object>>> list(HttpServletRequest request) {
    List<Map<String, Object>> mails = server.mails().stream().map(mail -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", mail.id());
      entry.put("url", request.getContextPath() + MAILBOX + "/" + mail.id());
      entry.put("receivedAt", mail.receivedAt());
      entry.put("from", mail.from());
      entry.put("to", mail.to());
      entry.put("subject", mail.subject());
      entry.put("sentDate", mail.sentAt());
      entry.put("messageId", mail.messageId());
      entry.put("inReplyTo", mail.inReplyTo());
      entry.put("incidentNumber", mail.incidentNumber());
      entry.put("event", mail.event());
      entry.put("reader", mail.reader());
      entry.put("deliveries", mail.deliveries());
      entry.put("attachments", mail.attachments().stream().map(DemoMail.Attachment::fileName).toList());
      entry.put("text", mail.text());
      return entry;
    }).toList();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mails);
  }

  @GetMapping(path = MAILBOX + "/{id}")
  public ResponseEntity<String> mail(@PathVariable String id) {
    DemoMail mail = find(id);
    return html("mail", Map.of("mail", mail, "attachments", mail.attachments()));
  }

  @GetMapping(path = MAILBOX + "/{id}/attachments/{index}")
  public ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable int index) {
    List<DemoMail.Attachment> attachments = find(id).attachments();
    if (index < 0 || index >= attachments.size()) {
      throw new RequestRefusedException(HttpStatus.NOT_FOUND, "The demo mail " + id + " has no attachment " + index
          + "; it has " + attachments.size());
    }
    DemoMail.Attachment attachment = attachments.get(index);
    // A download, never shown on this site: an attachment is whatever a sender put in.
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(attachment.content());
  }

  private DemoMail find(String id) {
    return server.mail(id).orElseThrow(() -> new RequestRefusedException(HttpStatus.NOT_FOUND, "No demo mail " + id
        + ": none was received with that id since the demo started (the mailbox lives in memory)"));
  }

  private ResponseEntity<String> html(String template, Map<String, Object> values) {
    Map<String, Object> model = new LinkedHashMap<>(values);
    model.put("formats", DisplayFormats.INSTANCE);
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(pages.process(template, new Context(null, model)));
  }
}
