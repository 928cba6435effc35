package io.incidentflow.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Authenticates every request to the application's own endpoints ({@code /api/*}, {@code /demo/*}) with
 * HTTP basic against the engine's users, the same accounts as Tasklist. A request without valid
 * credentials gets 401; an authenticated one carries its {@link Caller} for the endpoint to authorize.
 */
public class ApiAuthentication implements Filter {

  /** Who is calling: the user and their groups. */
  public record Caller(String userId, Set<String> groupIds) {

    /** True when the caller belongs to at least one of {@code groups}. */
    public boolean isMemberOfAny(List<String> groups) {
      return groups.stream().anyMatch(groupIds::contains);
    }
  }

  private static final String CALLER = Caller.class.getName();

  private final IdentityService identity;

  public ApiAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  /** The authenticated caller of {@code request}, set by this filter. */
  public static Caller caller(HttpServletRequest request) {
    return (Caller) request.getAttribute(CALLER);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String userId = authenticatedUser(http.getHeader("Authorization"));
    if (userId == null) {
      HttpServletResponse answer = (HttpServletResponse) response;
      answer.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      answer.setHeader("WWW-Authenticate", "Basic realm=\"Incident Flow\", charset=\"UTF-8\"");
      answer.setContentType("application/json");
      answer.getWriter().write("{\"status\":401,\"error\":\"Log in with your Incident Flow user (HTTP basic)\"}");
      return;
    }
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
    request.setAttribute(CALLER, new Caller(userId, groups));
    chain.doFilter(request, response);
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
