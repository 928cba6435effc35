package io.incidentflow.identity;

import io.incidentflow.incident.Codes.SupportGroup;
import io.incidentflow.incident.SupportGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of DESIGN.md, one per group, each with the password equal to the user id. Only in the
 * demo profile (the default); no other profile has default passwords.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoUsers extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** A demo user and the group they belong to. */
  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("alice", "Alice", "Adams", SupportGroups.SERVICE_DESK),
      new DemoUser("bob", "Bob", "Brown", SupportGroup.NETWORK_SUPPORT.value()),
      new DemoUser("carol", "Carol", "Clark", SupportGroup.APPLICATION_SUPPORT.value()),
      new DemoUser("dave", "Dave", "Davis", SupportGroups.INCIDENT_MANAGERS),
      new DemoUser("erin", "Erin", "Evans", SupportGroups.MANAGERS),
      new DemoUser("paula", "Paula", "Parker", SupportGroups.PROCESS_OWNERS),
      new DemoUser("pete", "Pete", "Palmer", SupportGroups.PROBLEM_MANAGERS));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@incidentflow.example");
      user.setPassword(demo.id());
      identity.saveUser(user);
      identity.createMembership(demo.id(), demo.group());
      LOG.info("Created demo user {} in group {}", demo.id(), demo.group());
    }
  }
}
