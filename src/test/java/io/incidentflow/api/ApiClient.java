package io.incidentflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The API over HTTP as a client sees it: requests as a user (HTTP basic) or a machine client (bearer token). */
public final class ApiClient {

  private final TestRestTemplate http;
  private final HttpHeaders headers;

  private ApiClient(TestRestTemplate http, HttpHeaders headers) {
    this.http = http;
    this.headers = headers;
  }

  /** As the user {@code user}, whose password is the user id (the demo users). */
  public static ApiClient as(TestRestTemplate http, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user);
    return new ApiClient(http, headers);
  }

  /** As the machine client with {@code token}. */
  public static ApiClient withToken(TestRestTemplate http, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return new ApiClient(http, headers);
  }

  /** Without credentials. */
  public static ApiClient anonymous(TestRestTemplate http) {
    return new ApiClient(http, new HttpHeaders());
  }

  /** The same client, sending {@code name: value} with every request. */
  public ApiClient header(String name, String value) {
    HttpHeaders more = new HttpHeaders();
    more.addAll(headers);
    more.set(name, value);
    return new ApiClient(http, more);
  }

  public ResponseEntity<JsonNode> get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  /** Posts {@code body} as JSON: an object is serialized, a String is sent as it is. */
  public ResponseEntity<JsonNode> post(String path, Object body) {
    return exchange(HttpMethod.POST, path, body);
  }

  /** Puts {@code body} as JSON. */
  public ResponseEntity<JsonNode> put(String path, Object body) {
    return exchange(HttpMethod.PUT, path, body);
  }

  public ResponseEntity<JsonNode> delete(String path) {
    return exchange(HttpMethod.DELETE, path, null);
  }

  private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
    HttpHeaders request = new HttpHeaders();
    request.addAll(headers);
    request.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (body != null) {
      request.setContentType(MediaType.APPLICATION_JSON);
    }
    return http.exchange(path, method, new HttpEntity<>(body, request), JsonNode.class);
  }
}
