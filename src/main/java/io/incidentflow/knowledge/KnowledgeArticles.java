package io.incidentflow.knowledge;

import io.incidentflow.incident.EngineClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code knowledge_article} (known errors and reusable resolutions) and {@code knowledge_word} (which
 * article holds which word). Services are stored between commas ({@code ,vpn,network,}) and words between
 * spaces, so that a LIKE finds a whole service and the start of a word.
 */
@Repository
public class KnowledgeArticles {

  private static final String COLUMNS = "kind, reference, title, symptom, cause, workaround, services, category,"
      + " active, created_by, created_at";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  public KnowledgeArticles(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.named = new NamedParameterJdbcTemplate(dataSource);
  }

  /** Records (or, published again, replaces) the known error of problem {@code problemNumber}; it is active. */
  public void publishKnownError(String problemNumber, String title, String symptom, String cause, String workaround,
      List<String> services, String category, String by) {
    save(new KnowledgeArticle(KnowledgeArticle.KNOWN_ERROR, problemNumber, title, symptom, cause, workaround,
        services, category, true, by, EngineClock.now()));
  }

  /** Records the resolution of incident {@code incidentNumber} as reusable knowledge (replacing an earlier one). */
  public void addResolution(String incidentNumber, String title, String symptom, String resolutionNotes,
      String service, String category, String by) {
    save(new KnowledgeArticle(KnowledgeArticle.RESOLUTION, incidentNumber, title, symptom, null, resolutionNotes,
        service == null ? List.of() : List.of(service), category, true, by, EngineClock.now()));
  }

  private void save(KnowledgeArticle article) {
    jdbc.update("DELETE FROM knowledge_word WHERE article_id IN (SELECT id FROM knowledge_article WHERE kind = ?"
        + " AND reference = ?)", article.kind(), article.reference());
    jdbc.update("DELETE FROM knowledge_article WHERE kind = ? AND reference = ?", article.kind(), article.reference());
    Set<String> words = Words.of(article.title() + " " + article.symptom() + " "
        + (article.cause() == null ? "" : article.cause()) + " " + article.workaround());
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO knowledge_article (" + COLUMNS
          + ", words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      Object[] values = {article.kind(), article.reference(), article.title(), article.symptom(), article.cause(),
          article.workaround(), "," + String.join(",", article.services()) + ",", article.category(), article.active(),
          article.createdBy(), Timestamp.from(article.createdAt()), " " + String.join(" ", words) + " "};
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      return insert;
    }, key);
    long id = key.getKey().longValue();
    jdbc.batchUpdate("INSERT INTO knowledge_word (word, article_id) VALUES (?, ?)",
        words.stream().map(word -> new Object[] {word, id}).toList());
  }

  /** Retires the known error of problem {@code problemNumber}: its fix is applied, the workaround is history. */
  public void retireKnownError(String problemNumber) {
    jdbc.update("UPDATE knowledge_article SET active = FALSE, retired_at = ? WHERE kind = ? AND reference = ?",
        Timestamp.from(EngineClock.now()), KnowledgeArticle.KNOWN_ERROR, problemNumber);
  }

  /** The active known error of problem {@code problemNumber}, if it has one. */
  public Optional<KnowledgeArticle> activeKnownError(String problemNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM knowledge_article WHERE kind = ? AND reference = ? AND active = TRUE",
        KnowledgeArticles::article, KnowledgeArticle.KNOWN_ERROR, problemNumber).stream().findFirst();
  }

  /**
   * Active articles holding every word of {@code query} (or the start of it), known errors first, newest first;
   * at most {@code limit}. No words: the newest.
   */
  public List<KnowledgeArticle> search(String query, int limit) {
    Set<String> words = Words.of(query);
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM knowledge_article WHERE active = TRUE");
    List<Object> arguments = new ArrayList<>();
    for (String word : words) {
      sql.append(" AND words LIKE ?");
      arguments.add("% " + escapeLike(word) + "%");
    }
    sql.append(" ORDER BY CASE WHEN kind = ? THEN 0 ELSE 1 END, created_at DESC, reference DESC LIMIT ?");
    arguments.add(KnowledgeArticle.KNOWN_ERROR);
    arguments.add(limit);
    return jdbc.query(sql.toString(), KnowledgeArticles::article, arguments.toArray());
  }

  /** A known error (symptom and cause left out) with its words, and whether it names {@code service} and has {@code category}: what matching scores. */
  public record Candidate(KnowledgeArticle article, Set<String> words, boolean sameService, boolean sameCategory) {
  }

  /**
   * The prefilter of matching: active known errors that share a word with {@code words} and name {@code service}
   * or have {@code category} (a null leaves that criterion out); the database narrows thousands to the few that
   * can score.
   */
  public List<Candidate> knownErrorsFor(String service, String category, Set<String> words) {
    if ((service == null && category == null) || words.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("kind", KnowledgeArticle.KNOWN_ERROR)
        .addValue("service", service == null ? null : "%," + escapeLike(service) + ",%")
        .addValue("category", category).addValue("words", words);
    // Only what scoring and the suggestion need.
    return named.query("SELECT reference, title, workaround, services, category, words FROM knowledge_article"
            + " WHERE active = TRUE AND kind = :kind AND (services LIKE :service OR category = :category)"
            + " AND id IN (SELECT article_id FROM knowledge_word WHERE word IN (:words))", parameters,
        (rs, row) -> {
          String services = rs.getString("services");
          KnowledgeArticle article = new KnowledgeArticle(KnowledgeArticle.KNOWN_ERROR, rs.getString("reference"),
              rs.getString("title"), null, null, rs.getString("workaround"), services(services),
              rs.getString("category"), true, null, null);
          return new Candidate(article, new HashSet<>(Arrays.asList(rs.getString("words").strip().split(" "))),
              service != null && services.contains("," + service + ","),
              category != null && category.equals(article.category()));
        });
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static List<String> services(String column) {
    return Arrays.stream(column.split(",")).filter(s -> !s.isEmpty()).toList();
  }

  private static KnowledgeArticle article(ResultSet rs, int row) throws SQLException {
    String services = rs.getString("services");
    return new KnowledgeArticle(rs.getString("kind"), rs.getString("reference"), rs.getString("title"),
        rs.getString("symptom"), rs.getString("cause"), rs.getString("workaround"),
        services(services), rs.getString("category"),
        rs.getBoolean("active"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
