package io.incidentflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP request being served on this thread, from the very first filter on: the engine's guards run
 * inside the doors' own authentication filters (a login is checked there), before Spring's request
 * context exists. The throttle needs the client's address and the answer's {@code Retry-After}; the
 * engine's refusals are recorded on the request ({@link ClientErrors}).
 */
public class CurrentRequest extends OncePerRequestFilter {

  private record Exchange(HttpServletRequest request, HttpServletResponse response) {
  }

  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Exchange outer = CURRENT.get();
    CURRENT.set(new Exchange(request, response));
    try {
      chain.doFilter(request, response);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The request being served, or null outside one (a job, a test calling a service). */
  static HttpServletRequest request() {
    Exchange current = CURRENT.get();
    return current == null ? null : current.request();
  }

  /** The response being written, or null outside a request. */
  static HttpServletResponse response() {
    Exchange current = CURRENT.get();
    return current == null ? null : current.response();
  }
}
