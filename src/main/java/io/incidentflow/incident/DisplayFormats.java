package io.incidentflow.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times and durations read in mails and documents: {@code 2026-11-23 14:05 CET}, {@code 2 h 05 min}. */
public final class DisplayFormats {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
      .withZone(ZoneId.systemDefault());

  /** The instance templates call, e.g. {@code ${formats.time(record.closedAt())}}. */
  public static final DisplayFormats INSTANCE = new DisplayFormats();

  private DisplayFormats() {
  }

  /** A point in time in the server's time zone; empty for null. */
  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** A duration given in seconds: {@code 45 s}, {@code 12 min}, {@code 2 h 05 min}, {@code 3 d 4 h}; "–" for null. */
  public String duration(Long seconds) {
    if (seconds == null) {
      return "–";
    }
    long s = Math.abs(seconds);
    String sign = seconds < 0 ? "-" : "";
    if (s < 60) {
      return sign + s + " s";
    }
    long minutes = s / 60;
    if (minutes < 60) {
      return sign + minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return String.format("%s%d h %02d min", sign, hours, minutes % 60);
    }
    return String.format("%s%d d %d h", sign, hours / 24, hours % 24);
  }
}
