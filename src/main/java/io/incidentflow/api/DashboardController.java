package io.incidentflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentflow.dashboard.DashboardAccess;
import io.incidentflow.dashboard.DashboardCsv;
import io.incidentflow.dashboard.DashboardFigures;
import io.incidentflow.dashboard.DashboardFigures.Quality;
import io.incidentflow.dashboard.DashboardIncidents;
import io.incidentflow.dashboard.DashboardIncidents.Slice;
import io.incidentflow.dashboard.DashboardQuery;
import io.incidentflow.dashboard.ProblemFigures;
import io.incidentflow.dashboard.SlaCompliance;
import io.incidentflow.dashboard.WaitingSteps;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.sla.SlaSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dashboard}: the figures of the manager's dashboard in Cockpit, as JSON and, with {@code .csv}
 * after a figure's name, as CSV; the incidents behind any figure; the waiting steps for the diagram overlay.
 * For incident managers, managers and administrators. Every figure takes a period ({@code period} =
 * {@code today}, {@code 7d}, {@code 30d}, or {@code custom} with {@code from} and {@code to} days) and
 * filters ({@code group}, {@code priority}, {@code service}, {@code channel}; each repeatable).
 */
@RestController
@Tag(name = "Dashboard", description = "The figures of the manager's dashboard in Cockpit, and the incidents behind them")
public class DashboardController {

  static final String BASE = "/api/dashboard";
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final DashboardFigures figures;
  private final SlaCompliance compliance;
  private final ProblemFigures problemFigures;
  /** Every figure by its name in the path, in the dashboard's order. */
  private final Map<String, Figure> catalogue;
  private final DashboardIncidents incidents;
  private final WaitingSteps steps;
  private final ObjectMapper json;
  private final ZoneId zone;

  public DashboardController(DashboardFigures figures, SlaCompliance compliance, DashboardIncidents incidents,
      WaitingSteps steps, ObjectMapper json, SlaSettings sla, ProblemFigures problemFigures) {
    this.figures = figures;
    this.compliance = compliance;
    this.problemFigures = problemFigures;
    this.catalogue = catalogue();
    this.incidents = incidents;
    this.steps = steps;
    this.json = json;
    this.zone = sla.businessHours().timeZone();
  }

  /**
   * The period and filters every figure takes, from the query string.
   *
   * @param period today, 7d (the default), 30d or custom
   * @param from the first day of a custom period, e.g. 2026-11-01
   * @param to its last day, included
   */
  record Scope(String period, String from, String to, List<String> group, List<String> priority,
      List<String> service, List<String> channel) {
  }

  /**
   * Which incidents behind which figure, from the query string.
   *
   * @param figure backlog, at-risk, reported, acknowledged, resolved, response-breached, resolution-breached,
   *     first-contact or reopened
   * @param age of the backlog: 0-1d, 1-3d, 3-7d, 7d+
   * @param bucket of at-risk: 50-75, 75-90, 90-100, breached
   * @param category of the reported
   * @param day of the reported or resolved, e.g. 2026-12-01
   */
  record Behind(String figure, String age, String bucket, String category, String day) {

    Slice slice() {
      return new Slice(figure, age, bucket, category, day);
    }
  }

  /** A figure: how it is computed as JSON, and how it is written as CSV. */
  private record Figure(Function<DashboardQuery, Object> compute, CsvTable csv) {
  }

  @FunctionalInterface
  private interface CsvTable {
    void write(DashboardCsv csv, Object figures);
  }

  private Map<String, Figure> catalogue() {
    Map<String, Figure> all = new LinkedHashMap<>();
    all.put("backlog", new Figure(figures::backlog, (csv, f) -> csv.backlog((DashboardFigures.Backlog) f)));
    all.put("at-risk", new Figure(figures::atRisk, (csv, f) -> csv.atRisk((DashboardFigures.AtRisk) f)));
    all.put("times", new Figure(figures::times, (csv, f) -> csv.times((DashboardFigures.TimeFigures) f)));
    all.put("sla", new Figure(compliance::of, (csv, f) -> csv.sla((SlaCompliance.Figures) f)));
    all.put("quality", new Figure(q -> QualityFigures.of(figures.quality(q)), (csv, f) -> {
      QualityFigures quality = (QualityFigures) f;
      csv.quality(new Quality(quality.resolved(), quality.firstContact(), quality.reopened(),
          quality.meanReassignments()), quality.firstContactRate(), quality.reopenRate());
    }));
    all.put("volume", new Figure(figures::volume, (csv, f) -> csv.volume((DashboardFigures.Volume) f)));
    all.put("problems", new Figure(problemFigures::of, (csv, f) -> csv.problems((ProblemFigures.Problems) f)));
    return all;
  }

  /** Quality with its rates, in percent of the resolved, one decimal. */
  record QualityFigures(long resolved, long firstContact, Double firstContactRate, long reopened, Double reopenRate,
      Double meanReassignments) {

    static QualityFigures of(Quality q) {
      return new QualityFigures(q.resolved(), q.firstContact(), rate(q.firstContact(), q.resolved()), q.reopened(),
          rate(q.reopened(), q.resolved()), q.meanReassignments() == null ? null
              : Math.round(q.meanReassignments() * 100) / 100.0);
    }

    private static Double rate(long part, long whole) {
      return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
  }

  @Operation(summary = "A figure of the manager's dashboard", description = "figure = backlog (open now, by group"
      + " x priority and age), at-risk (running resolution clocks by share of target used), times (mean and 90th"
      + " percentile to acknowledge and to resolve, working seconds), sla (compliance against KpiTargets), quality"
      + " (first-contact resolution, reopen rate, reassignments), volume (channels, top services and categories,"
      + " daily trend), problems (incidents linked to problems, recurring services and categories). For"
      + " incident-managers, managers and administrators.")
  @GetMapping(path = BASE + "/{figure}", produces = MediaType.APPLICATION_JSON_VALUE)
  public ObjectNode figure(@PathVariable String figure, @ParameterObject Scope scope, HttpServletRequest request) {
    DashboardAccess.requireReader(ApiAuthentication.caller(request));
    Figure chosen = figure(figure);
    DashboardQuery query = query(scope);
    ObjectNode answer = json.valueToTree(chosen.compute().apply(query));
    return withQuery(answer, query);
  }

  @Operation(summary = "A figure of the manager's dashboard as CSV", description = "The same figures as the JSON"
      + " answer, one row per cell; parameters as there.")
  @GetMapping(path = BASE + "/{figure}.csv", produces = "text/csv")
  public void figureCsv(@PathVariable String figure, @ParameterObject Scope scope, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    DashboardAccess.requireReader(ApiAuthentication.caller(request));
    Figure chosen = figure(figure);
    DashboardQuery query = query(scope);
    Object computed = chosen.compute().apply(query);
    chosen.csv().write(new DashboardCsv(csv(response, figure)), computed);
  }

  @Operation(summary = "The incidents behind a figure", description = "figure = backlog (narrowed by age),"
      + " at-risk (by bucket), reported (by category, day), acknowledged, resolved (by day), response-breached,"
      + " resolution-breached, first-contact, reopened; with the period and filters of the figures. Newest first,"
      + " a page at a time; incidents.csv lists every one.")
  @GetMapping(path = BASE + "/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
  public ObjectNode incidents(@ParameterObject Behind behind, @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "20") int size,
      @ParameterObject Scope scope, HttpServletRequest request) {
    DashboardAccess.requireReader(ApiAuthentication.caller(request));
    List<FieldError> pageFaults = IncidentController.pageFaults(page, size);
    if (!pageFaults.isEmpty()) {
      throw RequestRefusedException.badFields(pageFaults);
    }
    DashboardQuery query = query(scope);
    ObjectNode answer = json.valueToTree(incidents.page(query, behind.slice(), page, size));
    return withQuery(answer, query);
  }

  @Operation(summary = "The incidents behind a figure, as CSV", description = "Every incident, newest first;"
      + " parameters as for /api/dashboard/incidents.")
  @GetMapping(path = BASE + "/incidents.csv", produces = "text/csv")
  public void incidentsCsv(@ParameterObject Behind behind, @ParameterObject Scope scope, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    DashboardAccess.requireReader(ApiAuthentication.caller(request));
    DashboardQuery query = query(scope);
    DashboardIncidents.Selection selection = incidents.select(query, behind.slice());
    DashboardCsv csv = new DashboardCsv(csv(response, "incidents-" + behind.figure()));
    csv.incidentHeader();
    incidents.each(selection, csv::incident);
  }

  @Operation(summary = "Incidents waiting at each user task now", description = "For the Cockpit diagram overlay"
      + " of IncidentManagementProcess: the number waiting and their mean wait so far, in seconds.")
  @GetMapping(path = BASE + "/steps", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, List<WaitingSteps.Step>> steps(HttpServletRequest request) {
    DashboardAccess.requireReader(ApiAuthentication.caller(request));
    return Map.of("steps", steps.at(EngineClock.now()));
  }

  private Figure figure(String name) {
    Figure chosen = catalogue.get(name);
    if (chosen == null) {
      throw RequestRefusedException.badField("figure", "must be one of " + String.join(", ", catalogue.keySet())
          + ", incidents or steps (was '" + name + "')");
    }
    return chosen;
  }

  private DashboardQuery query(Scope scope) {
    return DashboardQuery.parse(scope.period(), scope.from(), scope.to(), IncidentController.values(scope.group()),
        IncidentController.values(scope.priority()), IncidentController.values(scope.service()),
        IncidentController.values(scope.channel()), zone, EngineClock.now());
  }

  private ObjectNode withQuery(ObjectNode answer, DashboardQuery query) {
    ObjectNode period = answer.putObject("period");
    period.put("name", query.period()).put("from", query.from().toString()).put("to", query.to().toString())
        .put("zone", query.zone().getId());
    ObjectNode filters = answer.putObject("filters");
    filters.set("group", json.valueToTree(query.groups()));
    filters.set("priority", json.valueToTree(query.priorities()));
    filters.set("service", json.valueToTree(query.services()));
    filters.set("channel", json.valueToTree(query.channels()));
    return answer;
  }

  private static Writer csv(HttpServletResponse response, String name) throws IOException {
    response.setContentType(CSV.toString());
    response.setHeader("Content-Disposition", "attachment; filename=\"incident-dashboard-" + name + "-"
        + EngineClock.now().toString().substring(0, 10) + ".csv\"");
    return response.getWriter();
  }
}
