package io.incidentflow.summary;

import io.incidentflow.incident.IncidentChanged;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentStatusObserver;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link IncidentSummaries} current. On every status change the row is written at once, in the
 * same transaction; and once more as the engine command ends, because the same command often goes on to
 * decide what the list shows: reporting sets {@code NEW} first and only then categorizes, prioritizes
 * and sets the SLA due dates, all before the reporter gets the answer.
 */
@Component
public class IncidentSummaryObserver implements IncidentStatusObserver {

  private final IncidentSummaries summaries;

  public IncidentSummaryObserver(IncidentSummaries summaries) {
    this.summaries = summaries;
  }

  @Override
  public void statusChanged(VariableScope scope, IncidentStatus from, IncidentStatus to) {
    record(scope, processInstance(scope));
  }

  /** A breach, say: the row shows it at once, and as the command ends. */
  @EventListener
  public void changed(IncidentChanged change) {
    DelegateExecution instance = change.execution().getProcessInstance();
    record(instance, instance);
  }

  private void record(VariableScope scope, DelegateExecution instance) {
    summaries.record(scope, instance.getId());
    // Registered once per instance and command: the listener list ignores an equal record.
    Context.getCommandContext().registerCommandContextListener(new RecordAtCommandEnd(summaries, instance));
  }

  private static DelegateExecution processInstance(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return task.getExecution().getProcessInstance();
    }
    return ((DelegateExecution) scope).getProcessInstance();
  }

  /**
   * Writes the row again from the instance's variables as they are when the command ends. (The engine has
   * no public API for "when this command ends"; its command context listener is internal.)
   */
  private record RecordAtCommandEnd(IncidentSummaries summaries, DelegateExecution instance)
      implements CommandContextListener {

    @Override
    public void onCommandContextClose(CommandContext commandContext) {
      // An instance that ended in this command (closed, canceled) has let go of its variables: the row
      // written at its last status change is its last word.
      if (!(instance instanceof PvmExecutionImpl execution && execution.isEnded())) {
        summaries.record(instance, instance.getId());
      }
    }

    @Override
    public void onCommandFailed(CommandContext commandContext, Throwable t) {
      // The transaction rolls back, and the row with it.
    }
  }
}
