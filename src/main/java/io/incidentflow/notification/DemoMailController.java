package io.incidentflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo mailbox: what the in-process SMTP server received, for any demo user (HTTP basic). Only in
 * the demo profile. {@code GET /demo/mail} lists the mails with their headers and plain-text bodies,
 * {@code GET /demo/mail/{index}} shows one HTML body as the recipient's mail client would.
 */
@RestController
@Profile("demo")
public class DemoMailController {

  private final DemoMailServer server;
  private final IdentityService identity;

  public DemoMailController(DemoMailServer server, IdentityService identity) {
    this.server = server;
    this.identity = identity;
  }

  @GetMapping(path = "/demo/mail", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> list(HttpServletRequest request) throws MessagingException, IOException {
    if (!authenticated(request)) {
      return unauthorized();
    }
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
  public ResponseEntity<?> html(@PathVariable int index, HttpServletRequest request)
      throws MessagingException, IOException {
    if (!authenticated(request)) {
      return unauthorized();
    }
    List<MimeMessage> received = server.received();
    if (index < 0 || index >= received.size()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("status", 404, "error", "No demo mail " + index + "; there are " + received.size()));
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(MailBodies.html(received.get(index)));
  }

  private boolean authenticated(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String credentials = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    int colon = credentials.indexOf(':');
    return colon > 0 && identity.checkPassword(credentials.substring(0, colon), credentials.substring(colon + 1));
  }

  private static ResponseEntity<?> unauthorized() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"demo mail\"")
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("status", 401, "error", "Log in as a demo user"));
  }
}
