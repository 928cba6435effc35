package io.incidentflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo mailbox: what the in-process SMTP server received, for any demo user (HTTP basic). Only in
 * the demo profile; {@link io.incidentflow.api.ApiAuthentication} asks for the login. {@code GET /demo/mail} lists the mails with their headers and plain-text bodies,
 * {@code GET /demo/mail/{index}} shows one HTML body as the recipient's mail client would.
 */
@RestController
@Profile("demo")
public class DemoMailController {

  private final DemoMailServer server;

  public DemoMailController(DemoMailServer server) {
    this.server = server;
  }

  @GetMapping(path = "/demo/mail", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> list() throws MessagingException, IOException {
    List<Map<String, Object>> mails = new ArrayList<>();
    List<MimeMessage> received = server.received();
    for (int i = 0; i < received.size(); i++) {
      MimeMessage message = received.get(i);
      Map<String, Object> mail = new LinkedHashMap<>();
      mail.put("index", i);
      mail.put("from", message.getHeader("From", ", "));
      mail.put("to", message.getHeader("To", ", "));
      mail.put("subject", message.getSubject());
      mail.put("sentDate", message.getSentDate());
      mail.put("messageId", message.getMessageID());
      mail.put("inReplyTo", message.getHeader("In-Reply-To", " "));
      mail.put("text", MailBodies.text(message));
      mails.add(mail);
    }
    return ResponseEntity.ok(mails);
  }

  @GetMapping(path = "/demo/mail/{index}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<?> html(@PathVariable int index) throws MessagingException, IOException {
    List<MimeMessage> received = server.received();
    if (index < 0 || index >= received.size()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("status", 404, "error", "No demo mail " + index + "; there are " + received.size()));
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(MailBodies.html(received.get(index)));
  }
}
