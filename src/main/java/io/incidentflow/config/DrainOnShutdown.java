package io.incidentflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node that shuts down (SIGTERM, a rolling update) lets its clients go cleanly. Before the web server's
 * graceful shutdown stops taking requests, the node drains for a little longer than the keep-alive timeout:
 * its health is {@code OUT_OF_SERVICE} (503, so load balancers send no more), every answer says
 * {@code Connection: close}, and idle keep-alive connections time out and are closed by the server. No
 * client is left with a connection that is dropped under its next request.
 */
@Configuration
public class DrainOnShutdown implements SmartLifecycle, HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(DrainOnShutdown.class);

  private final Duration drain;
  private volatile boolean running;
  private volatile boolean draining;

  public DrainOnShutdown(@Value("${server.tomcat.keep-alive-timeout:5s}") Duration keepAlive) {
    this.drain = keepAlive.plusSeconds(1);
  }

  /** Every answer while draining closes its connection. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> closeConnectionsWhileDraining() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (draining) {
          response.setHeader("Connection", "close");
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("close-connections-while-draining");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** {@code /actuator/health/drainOnShutdown}: {@code OUT_OF_SERVICE} while the node drains. */
  @Override
  public Health health() {
    return draining ? Health.outOfService().withDetail("draining", "the node is shutting down").build() : Health.up().build();
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    draining = true;
    LOG.info("Shutting down: draining for {} s (answers close their connections, health is OUT_OF_SERVICE)",
        drain.toSeconds());
    try {
      Thread.sleep(drain.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown, which then finds no idle connection to drop. */
  @Override
  public int getPhase() {
    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
  }
}
