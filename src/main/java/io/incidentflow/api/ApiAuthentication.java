package io.incidentflow.api;

import io.incidentflow.incident.Caller;
import io.incidentflow.incident.Digests;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Authenticates every request to the application's own endpoints ({@code /api/*}, {@code /demo/*}) and
 * the actuator: people with HTTP basic against the engine's users, the same accounts as Tasklist, or with
 * the session of their Tasklist or Cockpit login (what the incident workspace in Tasklist sends: a request
 * that changes something must then carry the webapps' CSRF token in {@code X-XSRF-TOKEN}, or gets 403);
 * machine clients with a bearer token from {@code incident-flow.api.tokens}. A request without valid credentials
 * gets 401; an authenticated one carries its {@link Caller} for the endpoint to authorize. Open are only
 * the resolution links mailed to callers (their unguessable token is the credential) and the actuator's
 * health, which load balancers ask.
 */
public class ApiAuthentication implements Filter {

  /** {@code /api/incidents/{incidentNumber}/resolution-confirmation/{token}}, which the endpoint checks itself, and health. */
  private static final Pattern OPEN = Pattern.compile("/api/incidents/[^/]+/resolution-confirmation/[^/]+"
      + "|/actuator/health(/.*)?");

  private static final String CALLER = Caller.class.getName();
  private static final String ENGINE = "default";
  /** Where the webapps keep the CSRF token of a session, and the header they send it in (Camunda's CsrfConstants). */
  private static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  private static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final Pattern SAFE = Pattern.compile("GET|HEAD|OPTIONS");

  private final IdentityService identity;
  private final List<ApiSettings.Token> tokens;

  public ApiAuthentication(IdentityService identity, List<ApiSettings.Token> tokens) {
    this.identity = identity;
    this.tokens = List.copyOf(tokens);
  }

  /** The authenticated caller of {@code request}, set by this filter. */
  public static Caller caller(HttpServletRequest request) {
    return (Caller) request.getAttribute(CALLER);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (OPEN.matcher(http.getRequestURI().substring(http.getContextPath().length())).matches()) {
      chain.doFilter(request, response);
      return;
    }
    String header = http.getHeader("Authorization");
    Caller caller = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? client(header.substring(7).strip())
        : header != null ? user(authenticatedUser(header)) : user(sessionUser(http));
    if (caller != null && header == null && !SAFE.matcher(http.getMethod()).matches() && !csrfTokenMatches(http)) {
      HttpServletResponse answer = (HttpServletResponse) response;
      answer.setStatus(HttpServletResponse.SC_FORBIDDEN);
      answer.setContentType("application/json");
      answer.getWriter().write("{\"status\":403,\"error\":\"A change made with the session of a Tasklist login must"
          + " carry the session's CSRF token in the header " + CSRF_HEADER + "\",\"fields\":[{\"field\":\""
          + CSRF_HEADER + "\",\"message\":\"is missing or does not match the session's token\"}]}");
      return;
    }
    if (caller == null) {
      HttpServletResponse answer = (HttpServletResponse) response;
      answer.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      answer.addHeader("WWW-Authenticate", "Basic realm=\"Incident Flow\", charset=\"UTF-8\"");
      answer.addHeader("WWW-Authenticate", "Bearer realm=\"Incident Flow\"");
      answer.setContentType("application/json");
      answer.getWriter().write("{\"status\":401,\"error\":\"Log in with your Incident Flow user (HTTP basic)"
          + " or send the token of your client (Authorization: Bearer)\"}");
      return;
    }
    request.setAttribute(CALLER, caller);
    chain.doFilter(request, response);
  }

  private Caller user(String userId) {
    if (userId == null) {
      return null;
    }
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
    return new Caller(userId, groups);
  }

  /** The machine client whose token this is; every configured token is compared, in constant time. */
  private Caller client(String presented) {
    byte[] digest = Digests.sha256(presented);
    Caller found = null;
    for (ApiSettings.Token token : tokens) {
      if (MessageDigest.isEqual(digest, Digests.sha256(token.token())) && found == null) {
        found = new Caller(token.name(), Set.copyOf(token.groups()));
      }
    }
    return found;
  }

  /** The user logged in to Tasklist, Cockpit or Admin with this request's session; null without one. */
  private static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(ENGINE);
    return login == null ? null : login.getName();
  }

  /** Whether the request carries the CSRF token the webapps handed to its session. */
  private static boolean csrfTokenMatches(HttpServletRequest request) {
    Object expected = request.getSession(false) == null ? null
        : request.getSession(false).getAttribute(CSRF_SESSION_ATTRIBUTE);
    String presented = request.getHeader(CSRF_HEADER);
    return expected instanceof String token && presented != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private String authenticatedUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = credentials.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = credentials.substring(0, colon);
    return identity.checkPassword(userId, credentials.substring(colon + 1)) ? userId : null;
  }
}
