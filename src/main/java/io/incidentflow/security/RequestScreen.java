package io.incidentflow.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.incidentflow.incident.InputCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request to a door (the application's API, the engine REST API, the webapps' session API)
 * must be before anything reads it: no larger than the door's limit (413, at once when the client
 * declares its length, else as soon as that much has arrived), and free of what no person types and
 * databases refuse or logs misread: a NUL or another control character (tab, line feed and carriage
 * return are text) in any text of a JSON body, a form or the query, at any depth (400 naming the field).
 * At the engine's doors, a serialized Java object is refused as well (400), and a deployment must come as
 * multipart/form-data (415), as Camunda Modeler sends it. A body that passes is handed on unchanged.
 */
public class RequestScreen extends OncePerRequestFilter {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";

  private final ErrorShape shape;
  private final long maxBytes;

  public RequestScreen(ErrorShape shape, long maxBytes) {
    this.shape = shape;
    this.maxBytes = maxBytes;
  }

  /** Input refused: which field, and why. */
  private record Fault(HttpStatus status, String field, String message) {
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Fault fault = screenParameters(request.getQueryString(), StandardCharsets.UTF_8);
    if (fault == null && request.getContentLengthLong() > maxBytes) {
      fault = tooLarge();
    }
    if (fault != null) {
      refuse(response, fault);
      return;
    }
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = read(request.getInputStream());
    fault = body == null ? tooLarge() : screenBody(request, body);
    if (fault != null) {
      refuse(response, fault);
      return;
    }
    chain.doFilter(new Replayed(request, body), response);
  }

  private Fault tooLarge() {
    return new Fault(HttpStatus.PAYLOAD_TOO_LARGE, null, "The body is larger than the " + maxBytes
        + " bytes " + (shape == ErrorShape.API ? "this API accepts" : "the engine's REST API accepts"));
  }

  private void refuse(HttpServletResponse response, Fault fault) throws IOException {
    if (fault.status() == HttpStatus.PAYLOAD_TOO_LARGE) {
      // The client may still be sending: the connection ends here.
      response.setHeader("Connection", "close");
    }
    ErrorAnswers.write(response, shape, fault.status(), fault.message(), fault.field());
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** The whole body, or null when it is larger than the limit. */
  private byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0;) {
      body.write(buffer, 0, n);
      if (body.size() > maxBytes) {
        return null;
      }
    }
    return body.toByteArray();
  }

  private Fault screenBody(HttpServletRequest request, byte[] body) throws IOException {
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (shape == ErrorShape.ENGINE && request.getRequestURI().endsWith("/deployment/create")
        && !type.startsWith("multipart/form-data")) {
      return new Fault(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "A deployment is sent as multipart/form-data, one"
          + " part per model file and a part deployment-name, as Camunda Modeler sends it (was "
          + (type.isEmpty() ? "no Content-Type" : type) + ")");
    }
    if (type.startsWith("application/json") || type.matches("application/[^;]*\\+json.*")) {
      return screenJson(body);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return screenParameters(new String(body, charset(request)), charset(request));
    }
    return null;
  }

  /** The first fault of a JSON body; malformed JSON is left to the endpoint, which says where. */
  private Fault screenJson(byte[] body) throws IOException {
    try (JsonParser parser = JSON.createParser(body)) {
      String previousName = null;
      for (JsonToken token; (token = parser.nextToken()) != null;) {
        if (token == JsonToken.FIELD_NAME) {
          previousName = parser.currentName();
          Fault fault = text(fieldOf(parser.getParsingContext()), previousName);
          if (fault != null) {
            return fault;
          }
        } else if (token == JsonToken.VALUE_STRING) {
          String field = fieldOf(parser.getParsingContext());
          Fault fault = text(field, parser.getText());
          if (fault == null && shape == ErrorShape.ENGINE && "serializationDataFormat".equals(parser.currentName())
              && JAVA_SERIALIZATION.equalsIgnoreCase(parser.getText().strip())) {
            fault = new Fault(HttpStatus.BAD_REQUEST, field, "serialized Java objects are not accepted; send the value"
                + " as JSON or as a primitive type (String, Boolean, Integer ...)");
          }
          if (fault != null) {
            return fault;
          }
        }
      }
    } catch (JsonProcessingException malformed) {
      return null;
    }
    return null;
  }

  /** The first fault of form or query parameters. */
  private static Fault screenParameters(String encoded, Charset charset) {
    for (Map.Entry<String, List<String>> parameter : parameters(encoded, charset).entrySet()) {
      Fault fault = text(parameter.getKey(), parameter.getKey());
      for (String value : parameter.getValue()) {
        fault = fault != null ? fault : text(parameter.getKey(), value);
      }
      if (fault != null) {
        return fault;
      }
    }
    return null;
  }

  private static Fault text(String field, String text) {
    String problem = InputCheck.controlCharacterProblem(text);
    return problem == null ? null : new Fault(HttpStatus.BAD_REQUEST, field.isEmpty() ? "body" : field, problem);
  }

  /** Where the parser is, as a client names it: {@code variables.shortDescription.value}, {@code alerts[0].labels}. */
  static String fieldOf(JsonStreamContext context) {
    List<String> steps = new ArrayList<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray()) {
        steps.add(0, "[" + at.getCurrentIndex() + "]");
      } else if (at.getCurrentName() != null) {
        steps.add(0, "." + at.getCurrentName());
      }
    }
    String field = String.join("", steps);
    return field.startsWith(".") ? field.substring(1) : field;
  }

  private static Charset charset(HttpServletRequest request) {
    try {
      return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
          : Charset.forName(request.getCharacterEncoding());
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /** Decoded parameters of a query string or form body; a malformed escape is left to the endpoint. */
  static Map<String, List<String>> parameters(String encoded, Charset charset) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return parameters;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
        parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException malformed) {
        // not ours to judge
      }
    }
    return parameters;
  }

  /** The request with its body read once and handed on; a form body's fields stay parameters. */
  private static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body has been read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        Map<String, List<String>> all = RequestScreen.parameters(getQueryString(), StandardCharsets.UTF_8);
        String type = getContentType() == null ? "" : getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
          parameters(new String(body, charset(this)), charset(this))
              .forEach((name, values) -> all.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
        }
        Map<String, String[]> map = new LinkedHashMap<>();
        all.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        parameters = Collections.unmodifiableMap(map);
      }
      return parameters;
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }
  }
}
