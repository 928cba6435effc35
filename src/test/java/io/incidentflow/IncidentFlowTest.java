package io.incidentflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a random port, with process-model coverage recorded (reports under
 * {@code target/process-test-coverage/}). Every Spring test uses this one setup, so they share one
 * application context. The job executor is off (see the surefire configuration): tests run jobs and
 * move the engine clock themselves ({@link CleanSlate} puts it back, and empties the demo mailbox, around
 * every test). {@link DatabaseSwitch} can cut the application off its database; {@link IncidentDriver}
 * drives an incident through the process.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Behind a proxy (as README: Security says), the client address comes from X-Forwarded-For: tests act from
// several addresses that way.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.forward-headers-strategy=native")
// Spring Boot's tests switch metrics export off; /actuator/prometheus is part of what is tested.
@AutoConfigureObservability(tracing = false)
@Import({ProcessEngineCoverageConfiguration.class, DatabaseSwitch.class, IncidentDriver.class})
@ExtendWith(CleanSlate.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface IncidentFlowTest {
}
