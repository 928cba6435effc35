package io.incidentflow.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start where the demo profile can be reached. Its users' passwords are in the README, so it
 * listens on the loopback address only ({@code server.address} in {@code application-demo.yaml});
 * exposing it takes {@code SERVER_ADDRESS=0.0.0.0}, and then the log warns.
 */
@Component
@Profile("demo")
public class DemoExposure {

  private static final Logger LOG = LoggerFactory.getLogger(DemoExposure.class);

  private final String address;

  public DemoExposure(@Value("${server.address:}") String address) {
    this.address = address;
  }

  @EventListener
  public void tell(ApplicationReadyEvent ready) {
    String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "?");
    if (isLoopback(address)) {
      LOG.info("Demo profile: listening on {}:{} only, as its users' passwords are public. To reach it from other"
          + " machines for a trial, set SERVER_ADDRESS=0.0.0.0; never run the demo profile in production.", address, port);
    } else {
      LOG.warn("Demo profile EXPOSED on {}:{}: anyone who reaches it can log in as demo/demo (administrator) and the"
          + " other demo users. Use it for a trial only; production runs the postgres profile.",
          address.isBlank() ? "all addresses" : address, port);
    }
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException unknown) {
      return false;
    }
  }
}
