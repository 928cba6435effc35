package io.incidentflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Cuts the application off its database and back, as an outage does: while it is off, every request for
 * a connection fails as the pool's does when the database does not answer. Every test context has it
 * ({@link IncidentFlowTest}); it is on unless a test turns it off.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseSwitch {

  private static volatile boolean off;

  /** The database cannot be reached from now on. */
  public static void off() {
    off = true;
  }

  /** The database is back. */
  public static void on() {
    off = false;
  }

  @Bean
  static BeanPostProcessor databaseSwitchOnTheDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && "dataSource".equals(beanName) ? new Switched(dataSource) : bean;
      }
    };
  }

  /** The data source, with the switch in front. */
  static final class Switched extends DelegatingDataSource {

    Switched(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      refuseWhileOff();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      refuseWhileOff();
      return super.getConnection(username, password);
    }

    private static void refuseWhileOff() throws SQLTransientConnectionException {
      if (off) {
        throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
            + " (the database cannot be reached)");
      }
    }
  }
}
