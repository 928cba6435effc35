package io.incidentflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The usual hardening headers on everything the application serves itself (the API, its HTML pages:
 * the resolution page, the closure record, the demo mailbox): no scripts, styles only inline, no
 * framing, no content sniffing, no referrer (a resolution link carries its token in the URL), and nothing
 * kept in a cache (every answer is someone's incident).
 */
public class SecurityHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
