package io.incidentflow.mailin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history off a reply, so that a caller's comment holds what the caller wrote now, not our
 * previous mail again: everything from the first attribution line ("On Tue, ... wrote:", "Am ... schrieb ...:"),
 * "-----Original Message-----", or an Outlook header block ("From: ..." followed by "Sent:"/"Date:"/"To:"/
 * "Subject:") on, and every line quoted with {@code >}.
 */
final class QuotedHistory {

  private static final Pattern WROTE = Pattern.compile("(?i)^\\s*(on|am|le|el|op)\\s.*(wrote|schrieb|a écrit|escribió"
      + "|schreef).*:\\s*$");
  /** An attribution that a mail client wrapped: "On Tue, 1 Dec 2026 at 10:00, Anna Berg" + "<anna@...> wrote:". */
  private static final Pattern WROTE_START = Pattern.compile("(?i)^\\s*(on|am|le|el|op)\\s.*\\d.*");
  private static final Pattern WROTE_END = Pattern.compile("(?i).*(wrote|schrieb|a écrit|escribió|schreef)\\s*:\\s*$");
  private static final Pattern ORIGINAL = Pattern.compile("(?i)^\\s*-{2,}\\s*(original message|ursprüngliche nachricht"
      + "|forwarded message)\\s*-{2,}\\s*$");
  private static final Pattern OUTLOOK_FROM = Pattern.compile("(?i)^\\s*\\*?(from|von)\\s*:\\*?\\s.*");
  private static final Pattern OUTLOOK_FIELD = Pattern.compile("(?i)^\\s*\\*?(sent|date|to|subject|gesendet|an|betreff)"
      + "\\s*:.*");
  private static final Pattern OUTLOOK_RULE = Pattern.compile("^\\s*_{10,}\\s*$");

  private QuotedHistory() {
  }

  /** {@code text} without its quoted history, trailing blank lines and {@code >} lines. */
  static String cut(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (startsHistory(lines, i)) {
        break;
      }
      if (!lines[i].stripLeading().startsWith(">")) {
        kept.add(lines[i]);
      }
    }
    return String.join("\n", kept).strip();
  }

  private static boolean startsHistory(String[] lines, int i) {
    String line = lines[i];
    if (WROTE.matcher(line).matches() || ORIGINAL.matcher(line).matches() || OUTLOOK_RULE.matcher(line).matches()
        && i + 1 < lines.length && OUTLOOK_FROM.matcher(lines[i + 1]).matches()) {
      return true;
    }
    if (WROTE_START.matcher(line).matches()) {
      for (int next = i + 1; next < Math.min(lines.length, i + 3); next++) {
        if (WROTE_END.matcher(lines[next]).matches()) {
          return true;
        }
      }
    }
    if (OUTLOOK_FROM.matcher(line).matches()) {
      int fields = 0;
      for (int next = i + 1; next < Math.min(lines.length, i + 5); next++) {
        if (OUTLOOK_FIELD.matcher(lines[next]).matches()) {
          fields++;
        }
      }
      return fields >= 2;
    }
    return false;
  }
}
