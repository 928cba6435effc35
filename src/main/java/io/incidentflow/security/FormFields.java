package io.incidentflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The input fields of a deployed Camunda Form and the rules the form gives them: which keys a submission
 * may carry, of which type, from which value set, how long. The server applies the same rules as the
 * form in the browser, so what a client sends past the form (a variable the form has no field for, a value
 * outside its options) is refused. Which field a form requires depends on what is chosen (a resolution
 * code only for "resolved"); that, and the rules across fields, the task listeners check.
 */
final class FormFields {

  /** The kinds of input a form-js component gives. */
  enum Kind { TEXT, CHOICE, BOOLEAN, NUMBER, UNSUPPORTED }

  /** One input field: its key and its rules (null where the form sets none). */
  record Field(String key, String type, Kind kind, Integer minLength, Integer maxLength, Pattern pattern, boolean email,
      List<Object> values, Double min, Double max) {
  }

  /** What a submission broke: variables the form has no field for, and fields with bad values. */
  record Violations(List<String> notInForm, List<FieldError> invalid) {

    boolean none() {
      return notInForm.isEmpty() && invalid.isEmpty();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "datetime");
  private static final Set<String> CHOICE_TYPES = Set.of("radio", "select");
  /** Components that show something and hold no value. */
  private static final Set<String> DISPLAY_TYPES = Set.of("text", "html", "image", "button", "separator", "spacer",
      "group", "dynamiclist", "iframe", "table", "documentPreview", "expression");
  private static final Set<ValueType> SCALAR_TYPES = Set.of(ValueType.STRING, ValueType.BOOLEAN, ValueType.INTEGER,
      ValueType.LONG, ValueType.SHORT, ValueType.DOUBLE, ValueType.NULL);

  private final String formId;
  private final Map<String, Field> fields;

  private FormFields(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** No form: nothing may be submitted. */
  static FormFields none(String what) {
    return new FormFields(what, Map.of());
  }

  /** The writable fields of the form JSON {@code form} (a {@code .form} file as deployed). */
  static FormFields parse(InputStream form) throws IOException {
    JsonNode schema = JSON.readTree(form);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(schema, fields);
    return new FormFields(schema.path("id").asText("form"), fields);
  }

  String formId() {
    return formId;
  }

  Map<String, Field> fields() {
    return fields;
  }

  /** Checks the variables of a submission against the form. */
  Violations check(Map<String, ?> variables) {
    List<String> notInForm = new ArrayList<>();
    List<FieldError> invalid = new ArrayList<>();
    variables.forEach((name, value) -> {
      Field field = fields.get(name);
      if (field == null) {
        notInForm.add(name);
      } else {
        String problem = problem(field, value);
        if (problem != null) {
          invalid.add(new FieldError(name, problem));
        }
      }
    });
    notInForm.sort(null);
    return new Violations(notInForm, invalid);
  }

  private static void collect(JsonNode container, Map<String, Field> fields) {
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(null);
      boolean shownOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
      if (key != null && !DISPLAY_TYPES.contains(type) && !shownOnly) {
        fields.put(key, field(key, type, component.path("validate"), component.path("values")));
      }
      collect(component, fields);
    }
  }

  private static Field field(String key, String type, JsonNode validate, JsonNode options) {
    Kind kind = TEXT_TYPES.contains(type) ? Kind.TEXT : CHOICE_TYPES.contains(type) ? Kind.CHOICE
        : "checkbox".equals(type) ? Kind.BOOLEAN : "number".equals(type) ? Kind.NUMBER : Kind.UNSUPPORTED;
    List<Object> values = null;
    if (kind == Kind.CHOICE && options.isArray() && !options.isEmpty()) {
      values = new ArrayList<>();
      for (JsonNode option : options) {
        values.add(JSON.convertValue(option.path("value"), Object.class));
      }
    } else if (kind == Kind.CHOICE) {
      // Options from a variable or an expression: the server cannot know them; the value must be text.
      kind = Kind.TEXT;
    }
    return new Field(key, type, kind, integer(validate, "minLength"), integer(validate, "maxLength"),
        pattern(validate.path("pattern").asText(null)), "email".equals(validate.path("validationType").asText()),
        values, number(validate, "min"), number(validate, "max"));
  }

  /** What is wrong with {@code value} for {@code field}; null when nothing. Null values clear a field and pass. */
  private static String problem(Field field, Object submitted) {
    Object value = submitted;
    if (submitted instanceof TypedValue typed) {
      if (typed.getType() != null && !SCALAR_TYPES.contains(typed.getType())) {
        return "must be " + expected(field) + " (was a " + typed.getType().getName() + " value)";
      }
      value = typed.getValue();
    }
    return value == null ? null : problemOfValue(field, value);
  }

  private static String problemOfValue(Field field, Object value) {
    return switch (field.kind()) {
      case TEXT -> textProblem(field, value);
      case CHOICE -> field.values().stream().anyMatch(option -> same(option, value)) ? null
          : "must be one of " + field.values() + " (was '" + value + "')";
      case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
      case NUMBER -> numberProblem(field, value);
      case UNSUPPORTED -> "is a " + field.type() + " field, which the server does not accept";
    };
  }

  private static String textProblem(Field field, Object value) {
    if (!(value instanceof String text)) {
      return "must be text";
    }
    String controlCharacters = InputCheck.controlCharacterProblem(text);
    if (controlCharacters != null) {
      return controlCharacters;
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      return "must be at most " + field.maxLength() + " characters";
    }
    if (field.minLength() != null && !text.isEmpty() && text.length() < field.minLength()) {
      return "must be at least " + field.minLength() + " characters";
    }
    if (field.email() && !text.isEmpty() && !InputCheck.isEmail(text)) {
      return "must be an e-mail address such as jane.doe@example.com";
    }
    if (field.pattern() != null && !text.isEmpty() && !field.pattern().matcher(text).matches()) {
      return "must match the pattern " + field.pattern().pattern();
    }
    return null;
  }

  private static String numberProblem(Field field, Object value) {
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      return "must be a number";
    }
    if (field.min() != null && number.doubleValue() < field.min()) {
      return "must be at least " + field.min();
    }
    if (field.max() != null && number.doubleValue() > field.max()) {
      return "must be at most " + field.max();
    }
    return null;
  }

  /** Options compare by value; numbers whatever their Java type (JSON has one number type). */
  private static boolean same(Object option, Object value) {
    if (option instanceof Number a && value instanceof Number b) {
      return a.doubleValue() == b.doubleValue();
    }
    return Objects.equals(option, value);
  }

  private static String expected(Field field) {
    return switch (field.kind()) {
      case TEXT -> "text";
      case CHOICE -> "one of " + field.values();
      case BOOLEAN -> "true or false";
      case NUMBER -> "a number";
      case UNSUPPORTED -> "a value the server accepts";
    };
  }

  private static Integer integer(JsonNode validate, String name) {
    return validate.path(name).isNumber() ? validate.path(name).asInt() : null;
  }

  private static Double number(JsonNode validate, String name) {
    return validate.path(name).isNumber() ? validate.path(name).asDouble() : null;
  }

  private static Pattern pattern(String regex) {
    if (regex == null || regex.isBlank()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException invalid) {
      // The browser would not accept the form either; the server does not guess.
      return Pattern.compile("(?!)");
    }
  }
}
