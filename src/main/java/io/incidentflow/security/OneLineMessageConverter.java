package io.incidentflow.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Writes every log message on its own line (see {@code logback-spring.xml}): a line feed, a carriage
 * return or another control character in a message, often text a client sent (an alert's name, a
 * subject, a user id), is written escaped ({@code \n}, {@code \r}, {@code \u001b}), so no input can forge
 * a log line. Stack traces keep their lines: they are no message.
 */
public class OneLineMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return escape(super.convert(event));
  }

  static String escape(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder line = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean control = Character.isISOControl(c) && c != '\t';
      if (control && line == null) {
        line = new StringBuilder(message.length() + 16).append(message, 0, i);
      }
      if (line != null) {
        if (!control) {
          line.append(c);
        } else if (c == '\n') {
          line.append("\\n");
        } else if (c == '\r') {
          line.append("\\r");
        } else {
          line.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return line == null ? message : line.toString();
  }
}
