package io.incidentflow.major;

import io.incidentflow.incident.InputCheck;
import io.incidentflow.major.PostIncidentReview.ActionItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The action items of a review as the form takes them, one a line: {@code owner | action}, and {@code | problem}
 * at the end to hand the item to problem management.
 */
final class ActionItems {

  static final String PROBLEM = "problem";
  private static final int OWNER_MAX = 64;
  private static final int ACTION_MAX = 1000;

  private ActionItems() {
  }

  /** The items of {@code text}; each bad line is a fault of {@code field} in {@code check}. */
  static List<ActionItem> parse(String text, String field, InputCheck check) {
    List<ActionItem> items = new ArrayList<>();
    if (text == null) {
      return items;
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\|", -1);
      String where = "line " + (i + 1);
      boolean shaped = parts.length == 2 || (parts.length == 3
          && PROBLEM.equals(parts[2].strip().toLowerCase(Locale.ROOT)));
      String owner = parts[0].strip();
      String action = parts.length > 1 ? parts[1].strip() : "";
      check.require(shaped && !owner.isEmpty() && !action.isEmpty(), field, where
              + " must read 'owner | action' or 'owner | action | problem' (was '" + line + "')")
          .require(owner.length() <= OWNER_MAX && action.length() <= ACTION_MAX, field, where + ": the owner is at most "
              + OWNER_MAX + " characters, the action at most " + ACTION_MAX);
      items.add(new ActionItem(owner, action, parts.length == 3));
    }
    check.require(!items.isEmpty(), field, "needs at least one action item");
    return items;
  }
}
