package io.incidentflow.major;

import io.incidentflow.incident.IncidentProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks {@link MajorIncidentTrigger} whenever IncidentManagementProcess has decided a priority: on leaving
 * {@code Task_PrioritizeIncident} (the report) and {@code Task_ReassessPriority} (triage corrected impact or
 * urgency). Hooked in when the model is deployed, so that the incident's model stays about the incident.
 */
@Component
public class MajorIncidentTriggerHook extends AbstractProcessEnginePlugin {

  /** The steps of the incident's model after which its priority is decided. */
  static final Set<String> PRIORITIZATIONS = Set.of("Task_PrioritizeIncident", "Task_ReassessPriority");

  private final ObjectProvider<MajorIncidentTrigger> trigger;

  public MajorIncidentTriggerHook(ObjectProvider<MajorIncidentTrigger> trigger) {
    this.trigger = trigger;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    ExecutionListener evaluate = execution -> trigger.getObject().evaluate(execution);
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseSequenceFlow(Element sequenceFlow, ScopeImpl scope, TransitionImpl transition) {
        // On the flow out: the decision's output mapping has set the priority by then.
        if (scope.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && IncidentProcess.KEY.equals(definition.getKey())
            && PRIORITIZATIONS.contains(transition.getSource().getId())) {
          transition.addListener(ExecutionListener.EVENTNAME_TAKE, evaluate);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
