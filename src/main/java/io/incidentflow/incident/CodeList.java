package io.incidentflow.incident;

import java.util.Arrays;
import java.util.List;

/**
 * A closed list of values that a field accepts (the service catalog, impact, resolution codes...).
 * Implemented by enums whose {@link #value()} is what forms, REST bodies and DMN tables carry.
 */
public interface CodeList {

  /** The value as stored in the process variable: the constant's name in lower case with hyphens. */
  default String value() {
    return ((Enum<?>) this).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Whether {@code candidate} is one of the values of {@code type}. */
  static <E extends Enum<E> & CodeList> boolean contains(Class<E> type, Object candidate) {
    return candidate instanceof String s && Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.value().equals(s));
  }

  /** All values of {@code type}, in declaration order, for error messages. */
  static <E extends Enum<E> & CodeList> List<String> values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(CodeList::value).toList();
  }
}
