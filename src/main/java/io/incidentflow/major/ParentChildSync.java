package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.CHILD_STATUS;
import static io.incidentflow.major.MajorIncidentVariables.COPY_TO_CHILD;
import static io.incidentflow.major.MajorIncidentVariables.PARENT_CHANGE;
import static io.incidentflow.major.MajorIncidentVariables.PARENT_ON_HOLD_REASON;

import io.incidentflow.incident.IncidentInstances;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Which linked incidents a change of their major incident is copied to, as {@code dmn/ParentChildSync.dmn} (the
 * latest deployed version) decides for each child by its status (and, for a hold, by why the parent waits).
 */
@Component
public class ParentChildSync {

  /** The changes the table knows. */
  static final String RESOLUTION = "resolution";
  static final String WORK_NOTE = "work-note";
  static final String HOLD = "hold";

  private final DecisionService decisions;
  private final IncidentInstances instances;
  private final MajorIncidentChildren children;

  public ParentChildSync(DecisionService decisions, IncidentInstances instances, MajorIncidentChildren children) {
    this.decisions = decisions;
    this.instances = instances;
    this.children = children;
  }

  /** The linked incidents of major incident {@code parent} that {@code change} is copied to. */
  public List<String> childrenFor(String parent, String change) {
    return childrenFor(parent, change, null);
  }

  /**
   * The linked incidents of major incident {@code parent} that {@code change} is copied to, the parent on hold for
   * {@code parentOnHoldReason} (null unless the change is a hold).
   */
  public List<String> childrenFor(String parent, String change, String parentOnHoldReason) {
    return children.linked(parent).stream().filter(child -> MajorIncidents.asProcess(() -> {
      String status = instances.state(child).status();
      return Boolean.TRUE.equals(decisions.evaluateDecisionTableByKey(MajorIncidentProcess.DECISION_SYNC)
          .variables(Variables.createVariables().putValue(PARENT_CHANGE, change).putValue(CHILD_STATUS, status)
              .putValue(PARENT_ON_HOLD_REASON, parentOnHoldReason))
          .evaluate().getSingleResult().getEntry(COPY_TO_CHILD));
    })).toList();
  }
}
