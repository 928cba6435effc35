package io.incidentflow.knowledge;

import io.incidentflow.knowledge.KnowledgeArticles.Candidate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The known errors that match an incident. The DMN {@code KnownErrorMatching} (latest version, so a table
 * deployed from Modeler takes effect) gives the weights for the incident's service and category; the database
 * prefilters the active known errors naming the service or having the category and sharing a word with the
 * incident (table {@code knowledge_word}); each is scored in memory:
 * {@code serviceWeight} for the same service, {@code categoryWeight} for the same category, and
 * {@code wordWeight} times how alike the words are (0..1: shared words over the geometric mean of both
 * counts). A known error with no word in common is never suggested; those below {@code minimumScore} neither.
 */
@Service
public class KnownErrorMatcher {

  /** The decision of the weights. */
  public static final String DECISION = "KnownErrorMatching";

  private final DecisionService decisions;
  private final KnowledgeArticles articles;

  public KnownErrorMatcher(DecisionService decisions, KnowledgeArticles articles) {
    this.decisions = decisions;
    this.articles = articles;
  }

  /** A suggested known error, best first; {@code score} as the weights add up (rounded to 2 places). */
  public record Match(String problemNumber, String title, String symptom, String workaround, double score) {
  }

  /** What the table decided for one incident. */
  record Weights(double service, double category, double words, double minimum, int max) {
  }

  /** The known errors matching an incident of {@code service} and {@code category} described by {@code text}. */
  public List<Match> match(String service, String category, String text) {
    Weights weights = weights(service, category);
    Set<String> incidentWords = Words.of(text);
    if (incidentWords.isEmpty()) {
      return List.of();
    }
    return rank(articles.knownErrorsFor(weights.service() > 0 ? service : null, category, incidentWords), incidentWords,
        weights);
  }

  /** The prefiltered {@code candidates} scored against the incident's words, the best {@code max} first. */
  static List<Match> rank(List<Candidate> candidates, Set<String> incidentWords, Weights weights) {
    return candidates.stream()
        .map(candidate -> score(candidate, incidentWords, weights))
        .filter(match -> match != null && match.score() >= weights.minimum())
        .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::problemNumber))
        .limit(weights.max())
        .toList();
  }

  private static Match score(Candidate candidate, Set<String> incidentWords, Weights weights) {
    long shared = candidate.words().stream().filter(incidentWords::contains).count();
    if (shared == 0) {
      return null;
    }
    double likeness = shared / Math.sqrt((double) candidate.words().size() * incidentWords.size());
    double score = (candidate.sameService() ? weights.service() : 0) + (candidate.sameCategory() ? weights.category() : 0)
        + weights.words() * likeness;
    KnowledgeArticle article = candidate.article();
    return new Match(article.reference(), article.title(), article.symptom(), article.workaround(),
        Math.round(score * 100) / 100.0);
  }

  Weights weights(String service, String category) {
    Map<String, Object> inputs = Variables.createVariables().putValue("affectedService", service)
        .putValue("category", category);
    CommandContext command = Context.getCommandContext();
    // Inside a step a person completes, the table is read for the process, not with that person's rights.
    DmnDecisionRuleResult result = command != null
        ? command.runWithoutAuthorization(() -> evaluate(inputs))
        : evaluate(inputs);
    return new Weights(number(result, "serviceWeight"), number(result, "categoryWeight"), number(result, "wordWeight"),
        number(result, "minimumScore"), ((Number) result.getEntry("maxSuggestions")).intValue());
  }

  private DmnDecisionRuleResult evaluate(Map<String, Object> inputs) {
    return decisions.evaluateDecisionTableByKey(DECISION).variables(inputs).evaluate().getSingleResult();
  }

  private static double number(DmnDecisionRuleResult result, String name) {
    return ((Number) result.getEntry(name)).doubleValue();
  }
}
