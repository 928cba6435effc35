package io.incidentflow.api;

import io.incidentflow.incident.IncidentAccess;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.knowledge.KnowledgeArticle;
import io.incidentflow.knowledge.KnowledgeArticles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge the service desk searches: known errors and reusable resolutions, for the staff. */
@RestController
@Tag(name = "Knowledge", description = "Search known errors and reusable resolutions")
public class KnowledgeController {

  static final int MAX_QUERY = 254;
  static final int MAX_LIMIT = 50;

  private final KnowledgeArticles articles;

  public KnowledgeController(KnowledgeArticles articles) {
    this.articles = articles;
  }

  /** The answer of a search. */
  record KnowledgeResult(String q, List<KnowledgeArticle> items) {
  }

  @Operation(summary = "Search the knowledge", description = "Active known errors and reusable resolutions holding"
      + " every word of q (or words starting with it), known errors first, then the newest; without q the newest.")
  @GetMapping(path = "/api/knowledge", produces = MediaType.APPLICATION_JSON_VALUE)
  public KnowledgeResult search(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "limit", defaultValue = "20") int limit, HttpServletRequest request) {
    IncidentAccess.requireStaff(ApiAuthentication.caller(request), "search the knowledge");
    List<FieldError> faults = new ArrayList<>();
    if (q != null && q.length() > MAX_QUERY) {
      faults.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters (was " + q.length() + ")"));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      faults.add(new FieldError("limit", "must be 1 to " + MAX_LIMIT + " (was " + limit + ")"));
    }
    if (!faults.isEmpty()) {
      throw RequestRefusedException.badFields(faults);
    }
    return new KnowledgeResult(q, articles.search(q, limit));
  }
}
