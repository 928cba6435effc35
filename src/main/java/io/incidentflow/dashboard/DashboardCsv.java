package io.incidentflow.dashboard;

import io.incidentflow.dashboard.DashboardFigures.AtRisk;
import io.incidentflow.dashboard.DashboardFigures.Backlog;
import io.incidentflow.dashboard.DashboardFigures.Quality;
import io.incidentflow.dashboard.DashboardFigures.Spread;
import io.incidentflow.dashboard.DashboardFigures.TimeFigures;
import io.incidentflow.dashboard.DashboardFigures.Times;
import io.incidentflow.dashboard.DashboardFigures.Volume;
import io.incidentflow.dashboard.DashboardIncidents.Row;
import io.incidentflow.dashboard.SlaCompliance.Compliance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dashboard's figures and incident lists as CSV (RFC 4180: comma, quoted where needed, CRLF), one
 * table per figure, a header row first. A cell that a spreadsheet would run as a formula (it begins with
 * {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe: short descriptions
 * come from callers.
 */
public final class DashboardCsv {

  private final Writer out;

  public DashboardCsv(Writer out) {
    this.out = out;
  }

  /** The backlog: a row per group and priority, then a row per age bucket. */
  public void backlog(Backlog backlog) {
    row("section", "group", "priority", "age", "count");
    backlog.cells().forEach(c -> row("group x priority", c.group(), c.priority(), null, c.count()));
    backlog.ages().forEach(a -> row("age", null, null, a.bucket(), a.count()));
  }

  /** At risk: a row per bucket and listed incident, the bucket's count with each. */
  public void atRisk(AtRisk atRisk) {
    row("bucket", "count", "incidentNumber", "priority", "assignmentGroup", "resolutionDue", "shortDescription");
    atRisk.buckets().forEach(b -> {
      row(b.bucket(), b.count(), null, null, null, null, null);
      b.incidents().forEach(i -> row(b.bucket(), null, i.incidentNumber(), i.priority(), i.assignmentGroup(),
          i.resolutionDue(), i.shortDescription()));
    });
  }

  /** Times to acknowledge and to resolve in seconds: by priority, by group, overall. */
  public void times(TimeFigures times) {
    row("by", "priority", "group", "acknowledgeCount", "acknowledgeMeanSeconds", "acknowledgeP90Seconds",
        "resolveCount", "resolveMeanSeconds", "resolveP90Seconds");
    times.byPriority().forEach(t -> times("priority", t));
    times.byGroup().forEach(t -> times("group", t));
    times("overall", times.overall());
  }

  /** SLA compliance per group and priority with its targets, and the totals. */
  public void sla(SlaCompliance.Figures sla) {
    row("group", "priority", "responseCount", "responseMet", "responsePercent", "responseTarget", "responseOnTarget",
        "resolutionCount", "resolutionMet", "resolutionPercent", "resolutionTarget", "resolutionOnTarget");
    sla.cells().forEach(c -> row(concat(new Object[] {c.group(), c.priority()}, compliance(c.response()),
        compliance(c.resolution()))));
    row(concat(new Object[] {"overall", null}, compliance(sla.overall().response()),
        compliance(sla.overall().resolution())));
  }

  /** Quality of the incidents resolved in the period. */
  public void quality(Quality quality, Double firstContactRate, Double reopenRate) {
    row("resolved", "firstContact", "firstContactRate", "reopened", "reopenRate", "meanReassignments");
    row(quality.resolved(), quality.firstContact(), firstContactRate, quality.reopened(), reopenRate,
        quality.meanReassignments());
  }

  /** Volume: per channel, top services, top categories, then day by day. */
  public void volume(Volume volume) {
    row("section", "value", "reported", "resolved");
    volume.channels().forEach(c -> row("channel", c.value(), c.count(), null));
    volume.services().forEach(c -> row("service", c.value(), c.count(), null));
    volume.categories().forEach(c -> row("category", c.value(), c.count(), null));
    volume.trend().forEach(d -> row("day", d.day(), d.reported(), d.resolved()));
  }

  /** The problem figures: the linked share, then one row per recurring service and category. */
  public void problems(ProblemFigures.Problems problems) {
    row("section", "service", "category", "incidents", "linked", "openProblem");
    row("period", null, null, problems.reported(), problems.linked(), null);
    problems.recurring().forEach(r -> row("recurring", r.service(), r.category(), r.incidents(), r.linked(),
        r.openProblem()));
  }

  /** The header of an incident list. */
  public void incidentHeader() {
    row("incidentNumber", "status", "priority", "assignmentGroup", "affectedService", "channel", "category",
        "shortDescription", "reportedAt", "acknowledgedAt", "resolvedAt", "closedAt", "resolutionDue",
        "acknowledgeSeconds", "resolveSeconds", "onHoldSeconds", "responseBreached", "resolutionBreached",
        "reopenCount", "reassignmentCount", "firstContact");
  }

  /** One incident of a list. */
  public void incident(Row r) {
    row(r.incidentNumber(), r.status(), r.priority(), r.assignmentGroup(), r.affectedService(), r.channel(),
        r.category(), r.shortDescription(), r.reportedAt(), r.acknowledgedAt(), r.resolvedAt(), r.closedAt(),
        r.resolutionDue(), r.acknowledgeSeconds(), r.resolveSeconds(), r.onHoldSeconds(), r.responseBreached(),
        r.resolutionBreached(), r.reopenCount(), r.reassignmentCount(), r.firstContact());
  }

  private void times(String by, Times t) {
    row(concat(new Object[] {by, t.priority(), t.group()}, spread(t.acknowledge()), spread(t.resolve())));
  }

  private static Object[] spread(Spread s) {
    return new Object[] {s.count(), s.meanSeconds(), s.p90Seconds()};
  }

  private static Object[] compliance(Compliance c) {
    return new Object[] {c.count(), c.met(), c.percent(), c.target(), c.onTarget()};
  }

  private static Object[] concat(Object[]... parts) {
    List<Object> all = new ArrayList<>();
    for (Object[] part : parts) {
      all.addAll(Arrays.asList(part));
    }
    return all.toArray();
  }

  private void row(Object... cells) {
    try {
      out.write(Arrays.stream(cells).map(DashboardCsv::cell).collect(Collectors.joining(",")));
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One cell: empty for null, quoted when it holds a comma, quote or line break, defused when a formula. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
