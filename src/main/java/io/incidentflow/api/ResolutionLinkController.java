package io.incidentflow.api;

import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.incident.Templates;
import io.incidentflow.resolution.ResolutionConfirmation;
import io.incidentflow.resolution.ResolutionLinks;
import io.incidentflow.summary.IncidentSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The accept and reject links of the resolution mail, the only endpoints without a login: the token in
 * the link is the credential ({@link ResolutionLinks}). Opening a link only shows a page that asks
 * (mail scanners open links too); its button posts the answer. A client may post JSON to the same URL.
 */
@RestController
@Tag(name = "Resolution links", description = "What the accept and reject links of the resolution mail open")
public class ResolutionLinkController {

  static final String LINK = IncidentController.INCIDENT + "/resolution-confirmation/{token}";
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final ResolutionConfirmation confirmation;
  private final TemplateEngine pages = Templates.engine("confirmation", TemplateMode.HTML, ".html");

  public ResolutionLinkController(ResolutionConfirmation confirmation) {
    this.confirmation = confirmation;
  }

  @Operation(summary = "The page a link opens: asks the caller to confirm (accepted=true) or reject (false)")
  @GetMapping(path = LINK, produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> ask(@PathVariable String incidentNumber, @PathVariable String token,
      @RequestParam(name = "accepted", defaultValue = "true") boolean accepted) {
    try {
      IncidentSummary incident = confirmation.linkedIncident(incidentNumber, token);
      return page(200, Map.of("state", "ask", "incident", incident, "accepted", accepted));
    } catch (RequestRefusedException refused) {
      return refusal(refused);
    }
  }

  @Operation(summary = "The caller's answer from the page's form: accepted (true or false) and a comment")
  @PostMapping(path = LINK, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> answerFromPage(@PathVariable String incidentNumber, @PathVariable String token,
      @RequestBody MultiValueMap<String, String> form) {
    Map<String, Object> answer = new HashMap<>();
    String accepted = form.getFirst(ResolutionConfirmation.ACCEPTED);
    answer.put(ResolutionConfirmation.ACCEPTED, "true".equals(accepted) || "false".equals(accepted)
        ? Boolean.valueOf(accepted) : accepted);
    answer.put(ResolutionConfirmation.COMMENT, blankToNull(form.getFirst(ResolutionConfirmation.COMMENT)));
    try {
      IncidentSummary incident = confirmation.confirmWithToken(incidentNumber, token, answer);
      return page(200, Map.of("state", "done", "incident", incident, "accepted", answer.get(ResolutionConfirmation.ACCEPTED)));
    } catch (RequestRefusedException refused) {
      return refusal(refused);
    }
  }

  @Operation(summary = "The caller's answer as JSON: {\"accepted\": true, \"comment\": \"...\"}")
  @PostMapping(path = LINK, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public IncidentSummary answer(@PathVariable String incidentNumber, @PathVariable String token,
      @RequestBody Map<String, Object> body) {
    return confirmation.confirmWithToken(incidentNumber, token, body);
  }

  private ResponseEntity<String> refusal(RequestRefusedException refused) {
    return page(refused.status().value(), Map.of("state", "refused", "message", refused.getMessage()));
  }

  private ResponseEntity<String> page(int status, Map<String, Object> model) {
    return ResponseEntity.status(status).contentType(HTML).body(pages.process("resolution", new Context(null, model)));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
