package io.incidentflow;

import io.incidentflow.notification.DemoMailServer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every test of the shared application starts with an empty demo mailbox and the BPMN assertions bound to
 * the engine, and leaves the engine's clock as it found it (tests move it to fire timers).
 */
public class CleanSlate implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    DemoMailServer mailServer = application.getBeanProvider(DemoMailServer.class).getIfAvailable();
    if (mailServer != null) {
      mailServer.clear();
    }
    BpmnAwareTests.init(application.getBean(ProcessEngine.class));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
