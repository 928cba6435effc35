package io.incidentflow.knowledge;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words a text is matched and searched by: lower case, letters and digits, at least three characters,
 * at most 60, without the words every report has ("the", "please", "not"), a plural's "s" dropped, each once. The same
 * rule reads an incident and an article, so "drops" in one finds "drop" in the other.
 */
public final class Words {

  /** Longer tokens (a pasted URL, a hash) are no words anyone searches by. */
  static final int MAX_LENGTH = 60;
  private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{Nd}]+");
  private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "from", "that", "this", "not",
      "are", "was", "were", "has", "have", "had", "but", "can", "cannot", "cant", "does", "doesn", "don", "did",
      "our", "your", "you", "they", "them", "their", "there", "any", "all", "after", "before", "since", "when",
      "again", "still", "please", "help", "issue", "problem", "working", "work", "get", "got", "into", "onto",
      "every", "some", "just", "also", "now", "today", "will", "would", "should", "could", "been", "being", "its",
      "then", "than", "what", "which", "who", "how", "why", "about", "only", "very", "more", "most", "other");

  private Words() {
  }

  /** The distinct words of {@code text}, sorted (none for null). */
  public static Set<String> of(String text) {
    Set<String> words = new TreeSet<>();
    if (text == null) {
      return words;
    }
    for (String token : SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
      String word = stem(token);
      if (word.length() >= 3 && word.length() <= MAX_LENGTH && !COMMON.contains(word) && !COMMON.contains(token)) {
        words.add(word);
      }
    }
    return words;
  }

  /** The words of {@code text} as one line, as the table's {@code words} column holds them. */
  public static String line(String text) {
    return String.join(" ", of(text));
  }

  private static String stem(String token) {
    if (token.length() > 4 && token.endsWith("ies")) {
      return token.substring(0, token.length() - 3) + "y";
    }
    if (token.length() > 3 && token.endsWith("s") && !token.endsWith("ss")) {
      return token.substring(0, token.length() - 1);
    }
    return token;
  }
}
