package io.incidentflow;

import io.incidentflow.notification.DemoMailServer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What most tests of the shared application use: the engine's services, an HTTP client on the random
 * port, the demo mailbox and the {@link IncidentDriver}. A test class annotated {@link IncidentFlowTest}
 * extends it and adds what only it needs.
 */
public abstract class IncidentFlowTestBase {

  @Autowired
  protected RuntimeService runtime;
  @Autowired
  protected TaskService tasks;
  @Autowired
  protected ManagementService management;
  @Autowired
  protected HistoryService history;
  @Autowired
  protected TestRestTemplate http;
  @Autowired
  protected DemoMailServer mailServer;
  @Autowired
  protected IncidentDriver incidents;
}
