package io.incidentflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's REST API as its clients reach it, through either door: {@code /engine-rest} with HTTP basic
 * (integrations, Camunda Modeler) or the webapps' session API {@code /camunda/api/engine/engine/default}
 * after a Tasklist login (with Camunda's CSRF token), as Tasklist and Cockpit call it. Paths are relative
 * to the door, e.g. {@code /task/count}.
 */
public final class EngineDoor {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, headers and body. */
  public record Answer(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + body, e);
      }
    }
  }

  private final String name;
  private final HttpClient client;
  private final URI base;
  private final String authorization;
  private final CookieManager cookies;

  private EngineDoor(String name, HttpClient client, URI base, String authorization, CookieManager cookies) {
    this.name = name;
    this.client = client;
    this.base = base;
    this.authorization = authorization;
    this.cookies = cookies;
  }

  /** {@code /engine-rest} as {@code user} (password = user id, the demo users). */
  public static EngineDoor engineRest(int port, String user) {
    return new EngineDoor("/engine-rest", HttpClient.newHttpClient(), URI.create("http://localhost:" + port + "/engine-rest"),
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)), null);
  }

  /** The webapps' engine API, after {@code user} logged in to Tasklist as a browser does. */
  public static EngineDoor webapp(int port, String user) {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    EngineDoor door = new EngineDoor("/camunda/api/engine", client,
        URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default"), null, cookies);
    door.send("GET", URI.create("http://localhost:" + port + "/camunda/app/tasklist/"), null, null);
    Answer login = door.send("POST", URI.create("http://localhost:" + port
        + "/camunda/api/admin/auth/user/default/login/tasklist"), "application/x-www-form-urlencoded",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    if (login.status() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + " answered " + login.status() + ": " + login.body());
    }
    // The login starts a new session; Tasklist then asks who is logged in, which hands out its CSRF token.
    door.send("GET", URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"), null, null);
    return door;
  }

  /** Both doors for {@code user}, by name. */
  public static Map<String, EngineDoor> both(int port, String user) {
    Map<String, EngineDoor> doors = new LinkedHashMap<>();
    doors.put("/engine-rest", engineRest(port, user));
    doors.put("/camunda/api/engine", webapp(port, user));
    return doors;
  }

  public Answer get(String path) {
    return send("GET", base.resolve(base.getPath() + path), null, null);
  }

  public Answer delete(String path) {
    return send("DELETE", base.resolve(base.getPath() + path), null, null);
  }

  /** Posts {@code body} as JSON: an object is serialized, a String sent as it is. */
  public Answer post(String path, Object body) {
    return send("POST", base.resolve(base.getPath() + path), "application/json", json(body));
  }

  public Answer put(String path, Object body) {
    return send("PUT", base.resolve(base.getPath() + path), "application/json", json(body));
  }

  /** Sends {@code body} with {@code contentType} to {@code path} of this door. */
  public Answer send(String method, String path, String contentType, String body) {
    return send(method, base.resolve(base.getPath() + path), contentType, body);
  }

  /**
   * A request to the application beside the engine's door, such as {@code /api/incidents/...}, with this
   * door's session (a Tasklist login); {@code withCsrfToken} false leaves the session's CSRF token out.
   */
  public Answer app(String method, String path, Object body, boolean withCsrfToken) {
    URI uri = base.resolve(path);
    return withCsrfToken ? send(method, uri, body == null ? null : "application/json", body == null ? null : json(body))
        : send(method, uri, body == null ? null : "application/json", body == null ? null : json(body), false);
  }

  private Answer send(String method, URI uri, String contentType, String body) {
    return send(method, uri, contentType, body, true);
  }

  private Answer send(String method, URI uri, String contentType, String body, boolean withCsrfToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookies != null && withCsrfToken) {
      cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
          .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
