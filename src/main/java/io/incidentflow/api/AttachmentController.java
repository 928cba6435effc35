package io.incidentflow.api;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.mailin.IncidentAttachments;
import io.incidentflow.summary.IncidentVisibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /api/incidents/{incidentNumber}/attachments/{id}}: a file kept with an incident (an attachment of the
 * caller's mail), for whoever may read the incident. Always a download (Content-Disposition attachment), never
 * rendered in the application's origin: types a browser would run (HTML, SVG, scripts) are served as
 * {@code application/octet-stream}, with {@code nosniff} (and the API's Content-Security-Policy {@code default-src
 * 'none'}, {@link io.incidentflow.security.SecurityHeaders}).
 */
@RestController
@Tag(name = "Incidents")
public class AttachmentController {

  static final String PATH = "/api/incidents/{incidentNumber}/attachments/{id}";
  /** Types served as they are: what a browser shows as a picture, a PDF or plain text, never runs. */
  private static final Set<String> SHOWN_AS_IS = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
      "application/pdf", "text/plain", "text/csv");

  private final IncidentAttachments attachments;
  private final IncidentVisibility visibility;

  public AttachmentController(IncidentAttachments attachments, IncidentVisibility visibility) {
    this.attachments = attachments;
    this.visibility = visibility;
  }

  /** A download under its own name: plain ASCII for every client, the exact name (RFC 6266) for those that read it. */
  static String disposition(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
    return ContentDisposition.attachment().filename(ascii).build() + "; filename*=UTF-8''"
        + UriUtils.encode(fileName, StandardCharsets.UTF_8);
  }

  @Operation(summary = "A file kept with an incident", description = "The incident's read rule: the service desk,"
      + " the managers and the groups it has been assigned to.")
  @GetMapping(path = PATH)
  public ResponseEntity<byte[]> attachment(@PathVariable String incidentNumber, @PathVariable String id,
      HttpServletRequest request) {
    Caller caller = ApiAuthentication.caller(request);
    IncidentAccess.requireStaff(caller, "read incidents");
    visibility.requireRead(caller, incidentNumber);
    long fileId;
    try {
      fileId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw RequestRefusedException.badField("id", "must be the number of one of the incident's attachments");
    }
    IncidentAttachments.StoredFile file = attachments.find(incidentNumber, fileId).orElseThrow(() ->
        new RequestRefusedException(HttpStatus.NOT_FOUND, incidentNumber + " has no attachment " + fileId));
    MediaType type = SHOWN_AS_IS.contains(file.contentType()) ? MediaType.parseMediaType(file.contentType())
        : MediaType.APPLICATION_OCTET_STREAM;
    if ("text".equals(type.getType())) {
      type = new MediaType(type, StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }
}
