package io.incidentflow.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database, at {@code /actuator/health/db}: a connection that answers is {@code UP}; none within the
 * health deadline ({@link HealthDeadline}) is {@code DOWN}, so the application answers 503 while the
 * database is unreachable, and {@code UP} again by itself when it is back.
 */
@Component("dbHealthIndicator")
public class DatabaseHealthIndicator implements HealthIndicator {

  private static final int VALIDATION_SECONDS = 1;

  private final DataSource dataSource;
  private final HealthDeadline deadline;

  public DatabaseHealthIndicator(DataSource dataSource, HealthDeadline deadline) {
    this.dataSource = dataSource;
    this.deadline = deadline;
  }

  @Override
  public Health health() {
    return deadline.within("the database", () -> {
      try (Connection connection = dataSource.getConnection()) {
        String product = connection.getMetaData().getDatabaseProductName();
        return connection.isValid(VALIDATION_SECONDS) ? Health.up().withDetail("database", product).build()
            : Health.down().withDetail("database", product).withDetail("error", "the connection is not valid").build();
      } catch (SQLException e) {
        return Health.down().withDetail("error", e.getMessage()).build();
      }
    });
  }
}
