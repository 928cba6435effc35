package io.incidentflow.dashboard;

import io.incidentflow.dashboard.DashboardFigures.Outcomes;
import io.incidentflow.dashboard.DashboardFigures.SlaCell;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SLA compliance by group and priority against the targets of {@link KpiTargets}: of the SLA outcomes that
 * fell in the period, the share that met the target, green ({@code onTarget}) when it reaches the target.
 */
@Component
public class SlaCompliance {

  private final DashboardFigures figures;
  private final KpiTargets targets;

  public SlaCompliance(DashboardFigures figures, KpiTargets targets) {
    this.figures = figures;
    this.targets = targets;
  }

  /**
   * One clock's compliance.
   *
   * @param percent met in percent of count, one decimal; null when nothing counted
   * @param target the target percentage, null for totals (the table sets targets per cell)
   * @param onTarget whether percent reaches target; null without either
   */
  public record Compliance(long count, long met, Double percent, Double target, Boolean onTarget) {
  }

  /** Compliance of one group at one priority. */
  public record Cell(String group, Integer priority, Compliance response, Compliance resolution) {
  }

  /** Both clocks' compliance over every cell. */
  public record Overall(Compliance response, Compliance resolution) {
  }

  /** Every cell, and the totals over them. */
  public record Figures(List<Cell> cells, Overall overall) {
  }

  /** Compliance in the period and filters of {@code query}. */
  public Figures of(DashboardQuery query) {
    List<SlaCell> outcomes = figures.sla(query);
    KpiTargets.Table table = targets.current();
    List<Cell> cells = outcomes.stream().map(o -> {
      KpiTargets.Targets target = table.of(o.priority(), o.group());
      return new Cell(o.group(), o.priority(), compliance(o.response(), target.response()),
          compliance(o.resolution(), target.resolution()));
    }).toList();
    return new Figures(cells, new Overall(compliance(total(outcomes, true), null),
        compliance(total(outcomes, false), null)));
  }

  private static Outcomes total(List<SlaCell> cells, boolean response) {
    long count = 0;
    long met = 0;
    for (SlaCell cell : cells) {
      Outcomes o = response ? cell.response() : cell.resolution();
      count += o.count();
      met += o.met();
    }
    return new Outcomes(count, met);
  }

  private static Compliance compliance(Outcomes outcomes, Double target) {
    Double percent = outcomes.count() == 0 ? null : Math.round(outcomes.met() * 1000.0 / outcomes.count()) / 10.0;
    return new Compliance(outcomes.count(), outcomes.met(), percent, target,
        percent == null || target == null ? null : percent >= target);
  }
}
