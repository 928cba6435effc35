package io.incidentflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.api.ApiAuthentication;
import io.incidentflow.api.ApiSettings;
import io.incidentflow.security.CurrentRequest;
import io.incidentflow.security.DoorAnswers;
import io.incidentflow.security.EngineRestSettings;
import io.incidentflow.security.ErrorShape;
import io.incidentflow.security.RequestScreen;
import io.incidentflow.security.SecurityHeaders;
import io.incidentflow.security.UnknownTasks;
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
 * ({@link RequestScreen}); the doors answer client errors with 4xx and database outages with 503
 * ({@link DoorAnswers}, {@link UnknownTasks}); the
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
    return door(new CurrentRequest(), "current-request", 0, "/*");
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = door(
        new ProcessEngineAuthenticationFilter(), "engine-rest-authentication", 10, ENGINE_REST + "/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthentication> apiAuthentication(IdentityService identity, ApiSettings settings) {
    return door(new ApiAuthentication(identity, settings.tokens()), "api-authentication", 10, API, DEMO, ACTUATOR);
  }

  @Bean
  FilterRegistrationBean<GroupRequired> demoForAdministrators() {
    return door(new GroupRequired(List.of(Groups.CAMUNDA_ADMIN), "read the demo mailbox, which holds every resolution"
        + " link"), "demo-for-administrators", 15, DEMO);
  }

  @Bean
  FilterRegistrationBean<GroupRequired> actuatorForOperators() {
    return door(new GroupRequired(List.of(Groups.CAMUNDA_ADMIN, METRICS), "read the actuator's metrics and"
        + " information"), "actuator-for-operators", 15, ACTUATOR);
  }

  /** After authentication, so that a stranger's large body is not even looked at. */
  @Bean
  FilterRegistrationBean<RequestScreen> apiRequestScreen(ApiSettings settings) {
    return door(new RequestScreen(ErrorShape.API, settings.maxRequestSize().toBytes()), "api-request-screen", 20,
        API, DEMO);
  }

  @Bean
  FilterRegistrationBean<RequestScreen> engineRequestScreen(EngineRestSettings settings) {
    return door(new RequestScreen(ErrorShape.ENGINE, settings.maxRequestSize().toBytes()), "engine-request-screen", 20,
        ENGINE_REST + "/*", webappApi + "/*");
  }

  /** Around the doors' logins too: a database outage there answers 503 as well. */
  @Bean
  FilterRegistrationBean<DoorAnswers> apiAnswers() {
    return door(new DoorAnswers(ErrorShape.API), "api-answers", 5, API, DEMO);
  }

  @Bean
  FilterRegistrationBean<DoorAnswers> engineAnswers() {
    return door(new DoorAnswers(ErrorShape.ENGINE), "engine-answers", 5, ENGINE_REST + "/*", webappApi + "/*");
  }

  /** After authentication: who is not logged in learns nothing of which tasks exist. */
  @Bean
  FilterRegistrationBean<UnknownTasks> unknownTasks(TaskService tasks, IdentityService identity) {
    return door(new UnknownTasks(List.of(ENGINE_REST, webappApi + "/engine"), tasks, identity), "unknown-tasks", 30,
        ENGINE_REST + "/*", webappApi + "/engine/*");
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    return door(new SecurityHeaders(), "security-headers", 1, API, DEMO);
  }

  @Bean
  FilterRegistrationBean<Filter> adminSetupClosed() {
    return door(answering(HttpServletResponse.SC_FORBIDDEN, "The initial setup is closed: the administrator is"
        + " configured."), "admin-setup-closed", 0, ADMIN_SETUP);
  }

  /** The error page renders failures of other requests; a request of its own finds nothing there. */
  @Bean
  FilterRegistrationBean<Filter> errorPageNoDoor() {
    FilterRegistrationBean<Filter> registration = door(answering(HttpServletResponse.SC_NOT_FOUND,
        "No such page: /error"), "error-page-no-door", 0, "/error", "/error/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /** {@code filter} at {@code paths}, {@code position} places after the first of all filters. */
  private static <F extends Filter> FilterRegistrationBean<F> door(F filter, String name, int position, String... paths) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(paths);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
    return registration;
  }

  /** A filter that answers every request it sees with {@code status} and {@code error}. */
  private static Filter answering(int status, String error) {
    return (request, response, chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(status);
      http.setContentType("application/json");
      JSON.writeValue(http.getOutputStream(), Map.of("status", status, "error", error));
    };
  }
}
