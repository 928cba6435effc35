package io.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextException;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The demo's mail server and its port: an environment variable moves it, and a port that another program holds
 * stops the start with one message that names the port and says how to choose another.
 */
class DemoMailServerPortTest {

  @Test
  void aTakenPort_stopsTheStartAtOnce_namingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      DemoMailServer server = new DemoMailServer(new DemoMailSettings(port, freePort()));
      long started = System.nanoTime();

      assertThatThrownBy(server::start).isInstanceOfSatisfying(DemoSmtpPortUnavailableException.class, e -> {
        assertThat(e.port()).isEqualTo(port);
        assertThat(e.getMessage()).contains("127.0.0.1:" + port);
        assertThat(e.reason()).containsIgnoringCase("in use");
      });
      assertThat(System.nanoTime() - started).as("no waiting for GreenMail's start-up timeout").isLessThan(1_500_000_000L);
      assertThat(server.isRunning()).isFalse();

      taken.close();
      server.start();
      try {
        assertThat(server.isRunning()).isTrue();
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void aTakenImapPort_stopsTheStart_namingTheImapPortAndItsVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      DemoMailServer server = new DemoMailServer(new DemoMailSettings(freePort(), port));

      assertThatThrownBy(server::start).isInstanceOfSatisfying(DemoSmtpPortUnavailableException.class, e -> {
        assertThat(e.port()).isEqualTo(port);
        assertThat(e.which()).isEqualTo(DemoSmtpPortUnavailableException.DemoPort.IMAP);
        FailureAnalysis analysis = new DemoSmtpPortFailureAnalyzer().analyze(e);
        assertThat(analysis.getAction()).contains("port " + port, "INCIDENT_FLOW_DEMO_IMAP_PORT=" + (port + 1),
            "--incident-flow.demo.imap-port=" + (port + 1));
      });
      assertThat(server.isRunning()).isFalse();
    }
  }

  @Test
  void theImapVariable_movesTheMailboxPort_forTheServerAndForMailIn() throws Exception {
    assertThat(demoImapPort(Map.of("INCIDENT_FLOW_DEMO_IMAP_PORT", "4143"))).isEqualTo(List.of(4143, 4143));
    assertThat(demoImapPort(Map.of())).isEqualTo(List.of(3143, 3143));
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      return probe.getLocalPort();
    }
  }

  @Test
  void theAnalyzer_saysWhichPort_andHowToMoveIt() {
    // As Spring reports a lifecycle bean that fails to start.
    Throwable failure = new ApplicationContextException("Failed to start bean 'demoMailServer'",
        new DemoSmtpPortUnavailableException(3025, new BindException("Address already in use")));

    FailureAnalysis analysis = new DemoSmtpPortFailureAnalyzer().analyze(failure);

    assertThat(analysis.getDescription()).contains("127.0.0.1:3025", "Address already in use",
        "another Incident Flow demo");
    assertThat(analysis.getAction()).contains("port 3025", "INCIDENT_FLOW_DEMO_SMTP_PORT=3026 java -jar",
        "--incident-flow.demo.smtp-port=3026");
    assertThat(new DemoSmtpPortFailureAnalyzer().analyze(new IllegalStateException("something else"))).isNull();
  }

  @Test
  void theAnalyzer_isRegisteredWithSpringBoot() {
    List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
        null, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
          // Spring Boot's own analyzers want constructor arguments it alone provides; only ours counts here.
        }));
    assertThat(analyzers).hasAtLeastOneElementOfType(DemoSmtpPortFailureAnalyzer.class);
  }

  @Test
  void theEnvironmentVariable_movesThePort_forTheServerAndForTheMails() throws Exception {
    assertThat(demoPort(Map.of("INCIDENT_FLOW_DEMO_SMTP_PORT", "4025"))).isEqualTo(List.of(4025, 4025));
    assertThat(demoPort(Map.of())).isEqualTo(List.of(3025, 3025));
  }

  /** The demo mail server's port and the port mails are sent to, under the demo profile with {@code variables}. */
  private static List<Integer> demoPort(Map<String, Object> variables) throws Exception {
    return ports(variables, DemoMailSettings::smtpPort, "spring.mail.port");
  }

  /** The demo's IMAP port and the port Mail in reads, under the demo profile with {@code variables}. */
  private static List<Integer> demoImapPort(Map<String, Object> variables) throws Exception {
    return ports(variables, DemoMailSettings::imapPort, "incident-flow.mail-in.port");
  }

  /** A port of the demo mail server, and the port its client ({@code clientPort}) uses. */
  private static List<Integer> ports(Map<String, Object> variables, ToIntFunction<DemoMailSettings> serverPort,
      String clientPort) throws Exception {
    StandardEnvironment environment = demoEnvironment(variables);
    return List.of(serverPort.applyAsInt(Binder.get(environment).bind("incident-flow.demo", DemoMailSettings.class)
        .get()), environment.getProperty(clientPort, Integer.class));
  }

  private static StandardEnvironment demoEnvironment(Map<String, Object> variables) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    // Only application-demo.yaml and the given variables: the build sets the tests' own port as a system property.
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    return environment;
  }
}
