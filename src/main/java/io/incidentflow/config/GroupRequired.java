package io.incidentflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.api.ApiAuthentication;
import io.incidentflow.incident.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only callers (authenticated by {@link ApiAuthentication} before) in one of the groups;
 * others get 403 saying which groups it takes. Requests that {@link ApiAuthentication} leaves open (the
 * actuator's health) pass.
 */
public class GroupRequired extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> groups;
  private final String action;

  public GroupRequired(List<String> groups, String action) {
    this.groups = List.copyOf(groups);
    this.action = action;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = ApiAuthentication.caller(request);
    if (caller != null && !caller.isMemberOfAny(groups)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      JSON.writeValue(response.getOutputStream(), Map.of("status", 403, "error", caller.userId() + " may not " + action
          + ": that needs one of the groups " + String.join(", ", groups)));
      return;
    }
    chain.doFilter(request, response);
  }
}
