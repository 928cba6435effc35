package io.incidentflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.api.ApiSettings;
import io.incidentflow.api.RequestSizeLimit;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Closes the two doors Camunda leaves open by default: the engine REST API answers only to HTTP basic
 * authentication against the engine's users (401 otherwise), and Admin's first-run setup, which would
 * create an administrator, is refused outright (see CVE-2026-77226): the administrator is configured.
 * The application's own endpoints ({@code /api}, {@code /demo}) authenticate the same users and the
 * configured machine clients ({@link ApiAuthentication}); {@code /api} reads no body over the size limit.
 */
@Configuration
public class WebSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String ADMIN_SETUP = "/camunda/api/admin/setup/*";
  static final String API = "/api/*";
  static final String DEMO = "/demo/*";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthentication> apiAuthentication(IdentityService identity, ApiSettings settings) {
    FilterRegistrationBean<ApiAuthentication> registration =
        new FilterRegistrationBean<>(new ApiAuthentication(identity, settings.getTokens()));
    registration.setName("api-authentication");
    registration.addUrlPatterns(API, DEMO);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** After authentication, so that a stranger's large body is not even looked at. */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> apiRequestSizeLimit(ApiSettings settings, ObjectMapper json) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(settings.getMaxRequestSize().toBytes(), json));
    registration.setName("api-request-size-limit");
    registration.addUrlPatterns(API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> adminSetupClosed() {
    Filter refuse = (request, response, chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(HttpServletResponse.SC_FORBIDDEN);
      http.setContentType("application/json");
      http.getWriter().write("{\"status\":403,\"error\":\"The initial setup is closed: the administrator is configured.\"}");
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(refuse);
    registration.setName("admin-setup-closed");
    registration.addUrlPatterns(ADMIN_SETUP);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
