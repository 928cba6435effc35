package io.incidentflow.security;

import java.lang.reflect.Field;

/**
 * Reads what an engine command carries. Camunda's command classes keep their arguments in protected
 * fields without getters; the guards need them before the command runs. A field that is missing (a
 * changed engine) fails the command rather than letting it through unchecked: the guards fail closed,
 * and {@code CommandFieldsTest} names the field at the next build.
 */
final class CommandFields {

  private CommandFields() {
  }

  /** The value of {@code command}'s field {@code name}, declared by its class or a superclass. */
  static Object read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException notHere) {
        // declared further up, if anywhere
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getSimpleName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getSimpleName() + " has no field " + name
        + ": the engine changed, and the guard refuses what it cannot check");
  }
}
