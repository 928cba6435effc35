package io.incidentflow.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * An incident's variables, read and written with their types: the one place that knows how each kind of
 * value is held (texts, whole numbers, moments as {@link Date}, flags), so that no caller casts or converts
 * (Camunda's "process data accessor"). Reads of an execution or task see the incident's variables as the
 * engine resolves them; reads of a map (a history snapshot, a notification's variables) see the map. The
 * incident's number is always its business key ({@link IncidentNumbers}).
 */
public final class IncidentData {

  private final Function<String, Object> read;
  private final BiConsumer<String, Object> write;
  private final Consumer<String> remove;
  private final String number;

  private IncidentData(Function<String, Object> read, BiConsumer<String, Object> write, Consumer<String> remove,
      String number) {
    this.read = read;
    this.write = write;
    this.remove = remove;
    this.number = number;
  }

  /** The variables an execution or task of the incident sees, to read and write. */
  public static IncidentData of(VariableScope scope) {
    return new IncidentData(scope::getVariable, scope::setVariable, scope::removeVariable, IncidentNumbers.of(scope));
  }

  /** Variables held in a map, to read; the number is the map's {@code incidentNumber}. */
  public static IncidentData of(Map<String, ?> variables) {
    return new IncidentData(variables::get, (name, value) -> {
      throw new UnsupportedOperationException("A map of variables is read, not written: " + name);
    }, name -> {
      throw new UnsupportedOperationException("A map of variables is read, not written: " + name);
    }, variables.get(IncidentVariables.INCIDENT_NUMBER) instanceof String text ? text : null);
  }

  /** The incident's number ({@code INC0001042}); null before it is registered. */
  public String number() {
    return number;
  }

  /** The incident's status; null before it is registered. */
  public IncidentStatus status() {
    return read.apply(IncidentVariables.STATUS) instanceof String status ? IncidentStatus.valueOf(status) : null;
  }

  /** The priority, 1 (Critical) to 5 (Planning); null before it is decided. */
  public Integer priority() {
    return integer(IncidentVariables.PRIORITY);
  }

  /** A text variable; null when absent (or not text). */
  public String text(String name) {
    return read.apply(name) instanceof String text ? text : null;
  }

  /** A whole number; null when absent. */
  public Integer integer(String name) {
    return read.apply(name) instanceof Number number ? number.intValue() : null;
  }

  /** A counter ({@code reopenCount}, {@code escalationLevel}, paused seconds ...): 0 when absent. */
  public long count(String name) {
    return read.apply(name) instanceof Number number ? number.longValue() : 0L;
  }

  /** An ISO-8601 duration (an SLA target); null when absent or not a duration. */
  public Duration duration(String name) {
    return read.apply(name) instanceof String iso ? durationOrNull(iso) : null;
  }

  /** {@code iso} as an ISO-8601 duration; null when it is null or not a duration. */
  public static Duration durationOrNull(String iso) {
    try {
      return iso == null ? null : Duration.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A moment; null when absent. */
  public Instant instant(String name) {
    return read.apply(name) instanceof Date date ? date.toInstant() : null;
  }

  /** A flag: true only when the variable is {@code true}. */
  public boolean isTrue(String name) {
    return Boolean.TRUE.equals(read.apply(name));
  }

  /** A flag as it is held: null when absent (not decided yet). */
  public Boolean flag(String name) {
    return read.apply(name) instanceof Boolean flag ? flag : null;
  }

  /** Whether the variable is set at all. */
  public boolean has(String name) {
    return read.apply(name) != null;
  }

  /** The value as it is held, for what only shows it (a log line, a mail). */
  public Object value(String name) {
    return read.apply(name);
  }

  /** Sets a text, a number or a flag. */
  public void set(String name, Object value) {
    write.accept(name, value);
  }

  /** Sets a moment (held as a {@link Date}, which the engine's timers and history read); null clears it. */
  public void setInstant(String name, Instant value) {
    write.accept(name, value == null ? null : Date.from(value));
  }

  /** Raises a counter by one; the new value. */
  public int increment(String name) {
    int next = (int) count(name) + 1;
    write.accept(name, next);
    return next;
  }

  /** Removes a variable. */
  public void remove(String name) {
    remove.accept(name);
  }
}
