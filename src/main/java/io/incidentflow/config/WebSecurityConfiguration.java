package io.incidentflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.api.ApiSettings;
import io.incidentflow.security.CurrentRequest;
import io.incidentflow.security.EngineRestAnswers;
import io.incidentflow.security.EngineRestSettings;
import io.incidentflow.security.ErrorShape;
import io.incidentflow.security.RequestScreen;
import io.incidentflow.security.SecurityHeaders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The doors of the web layer and what stands at each. The engine REST API answers only to HTTP basic
 * authentication against the engine's users (401 otherwise); Admin's first-run setup, which would create
 * an administrator, is refused outright (see CVE-2026-77226). The application's own endpoints
 * ({@code /api}, {@code /demo}) and the actuator (but its health) authenticate the same users and the
 * configured machine clients ({@link ApiAuthentication}); the demo mailbox is for administrators, the
 * metrics for administrators and clients in the group {@value #METRICS}. Every door screens what it reads
 * ({@link RequestScreen}); the engine's doors answer client errors with 4xx ({@link EngineRestAnswers}); the
 * application's own pages carry hardening headers ({@link SecurityHeaders}). Spring Boot's error page is no
 * door: asked for directly, it answers 404.
 */
@Configuration
public class WebSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest";
  static final String ADMIN_SETUP = "/camunda/api/admin/setup/*";
  static final String API = "/api/*";
  static final String DEMO = "/demo/*";
  static final String ACTUATOR = "/actuator/*";
  /** The group of machine clients that may read the actuator's metrics (a Prometheus, say). */
  public static final String METRICS = "metrics";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String webappApi;

  public WebSecurityConfiguration(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.webappApi = webappPath + "/api";
  }

  /** First of all, so that everything after, the engine's login included, knows the request it serves. */
  @Bean
  FilterRegistrationBean<CurrentRequest> currentRequest() {
    FilterRegistrationBean<CurrentRequest> registration = new FilterRegistrationBean<>(new CurrentRequest());
    registration.setName("current-request");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(ENGINE_REST + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthentication> apiAuthentication(IdentityService identity, ApiSettings settings) {
    FilterRegistrationBean<ApiAuthentication> registration =
        new FilterRegistrationBean<>(new ApiAuthentication(identity, settings.getTokens()));
    registration.setName("api-authentication");
    registration.addUrlPatterns(API, DEMO, ACTUATOR);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<GroupRequired> demoForAdministrators() {
    return groupRequired("demo-for-administrators", new GroupRequired(List.of(Groups.CAMUNDA_ADMIN),
        "read the demo mailbox, which holds every resolution link"), DEMO);
  }

  @Bean
  FilterRegistrationBean<GroupRequired> actuatorForOperators() {
    return groupRequired("actuator-for-operators", new GroupRequired(List.of(Groups.CAMUNDA_ADMIN, METRICS),
        "read the actuator's metrics and information"), ACTUATOR);
  }

  private static FilterRegistrationBean<GroupRequired> groupRequired(String name, GroupRequired filter, String path) {
    FilterRegistrationBean<GroupRequired> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(path);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }

  /** After authentication, so that a stranger's large body is not even looked at. */
  @Bean
  FilterRegistrationBean<RequestScreen> apiRequestScreen(ApiSettings settings) {
    FilterRegistrationBean<RequestScreen> registration = new FilterRegistrationBean<>(
        new RequestScreen(ErrorShape.API, settings.getMaxRequestSize().toBytes()));
    registration.setName("api-request-screen");
    registration.addUrlPatterns(API, DEMO);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestScreen> engineRequestScreen(EngineRestSettings settings) {
    FilterRegistrationBean<RequestScreen> registration = new FilterRegistrationBean<>(
        new RequestScreen(ErrorShape.ENGINE, settings.maxRequestSize().toBytes()));
    registration.setName("engine-request-screen");
    registration.addUrlPatterns(ENGINE_REST + "/*", webappApi + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestAnswers> engineRestAnswers(TaskService tasks, IdentityService identity) {
    FilterRegistrationBean<EngineRestAnswers> registration = new FilterRegistrationBean<>(
        new EngineRestAnswers(List.of(ENGINE_REST, webappApi + "/engine"), tasks, identity));
    registration.setName("engine-rest-answers");
    registration.addUrlPatterns(ENGINE_REST + "/*", webappApi + "/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.setName("security-headers");
    registration.addUrlPatterns(API, DEMO);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> adminSetupClosed() {
    FilterRegistrationBean<Filter> registration = answering(HttpServletResponse.SC_FORBIDDEN,
        "The initial setup is closed: the administrator is configured.");
    registration.setName("admin-setup-closed");
    registration.addUrlPatterns(ADMIN_SETUP);
    return registration;
  }

  /** The error page renders failures of other requests; a request of its own finds nothing there. */
  @Bean
  FilterRegistrationBean<Filter> errorPageNoDoor() {
    FilterRegistrationBean<Filter> registration = answering(HttpServletResponse.SC_NOT_FOUND, "No such page: /error");
    registration.setName("error-page-no-door");
    registration.addUrlPatterns("/error", "/error/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /** A filter that answers every request it sees with {@code status} and {@code error}, first of all. */
  private static FilterRegistrationBean<Filter> answering(int status, String error) {
    Filter answer = (request, response, chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(status);
      http.setContentType("application/json");
      JSON.writeValue(http.getOutputStream(), Map.of("status", status, "error", error));
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(answer);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
