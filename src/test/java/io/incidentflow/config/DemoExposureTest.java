package io.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which addresses keep the demo profile on this machine, and which expose it (the log warns then). */
class DemoExposureTest {

  @Test
  void loopbackAddresses_keepItHere() {
    assertThat(DemoExposure.isLoopback("127.0.0.1")).isTrue();
    assertThat(DemoExposure.isLoopback("::1")).isTrue();
    assertThat(DemoExposure.isLoopback("localhost")).isTrue();
  }

  @Test
  void anyOtherAddress_orNoneAtAll_exposesIt() {
    assertThat(DemoExposure.isLoopback("0.0.0.0")).isFalse();
    assertThat(DemoExposure.isLoopback("")).isFalse();
    assertThat(DemoExposure.isLoopback(null)).isFalse();
  }
}
