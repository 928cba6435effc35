import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine-speed benchmark suite (bench/README.md): starts the packaged jar, deploys the bare yardstick
 * processes of bench/models beside ours, runs each scenario side by side and prints a table of figures and
 * ratios with the machine's load. Run it with bench/run; it is a single-file Java program (java bench/IncidentFlowBench.java).
 */
public class IncidentFlowBench {

  static final String REPORT = """
      {"shortDescription": "VPN drops every 10 minutes", "description": "Since this morning the client disconnects from the office network.",
       "callerName": "Jane Doe", "callerEmail": "jane.doe@example.com", "affectedService": "vpn",
       "impact": "medium", "urgency": "high", "channel": "portal"}""";

  static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  final Options options;
  final Path work;
  final Table table = new Table();
  Server server;
  Http alice, bob, admin, monitoring;

  IncidentFlowBench(Options options) throws IOException {
    this.options = options;
    this.work = Files.createTempDirectory("incident-flow-bench");
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    IncidentFlowBench bench = new IncidentFlowBench(options);
    int failures;
    try {
      failures = bench.run();
    } finally {
      if (bench.server != null) {
        bench.server.stop();
      }
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  int run() throws Exception {
    System.out.printf("Incident Flow benchmark: %s, %s mode, %d cores, load before %s, jar %s, work %s%n",
        options.db, options.quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), Machine.load(),
        options.jar, work);
    startUp();
    deployYardsticks();
    if (options.runs("intake")) {
      intake();
    }
    if (options.runs("lifecycle")) {
      lifecycle();
    }
    if (options.runs("alerts")) {
      alerts();
    }
    if (options.runs("timers") || options.runs("tasklist")) {
      fillOpenIncidents();
    }
    if (options.runs("timers")) {
      slaTimers();
      idleTimer();
    }
    if (options.runs("tasklist")) {
      taskList();
    }
    memory();
    System.out.println();
    System.out.println(table.render(options));
    Files.writeString(work.resolve("results.md"), table.render(options));
    System.out.println("written to " + work.resolve("results.md") + "; the application's log: " + server.log);
    return table.failures;
  }

  // ---------------------------------------------------------------- start-up and memory

  void startUp() throws Exception {
    server = Server.start(options, work);
    String base = "http://127.0.0.1:" + options.port;
    alice = Http.basic(base, "alice");
    bob = Http.basic(base, "bob");
    admin = Http.basic(base, "demo");
    monitoring = Http.bearer(base, "demo-alert-token");
    table.row("start-up to healthy", fmt("%.1f s", server.startSeconds), "", "", "under 12 s",
        server.startSeconds < 12);
    Thread.sleep(options.quick ? 2000 : 10000);
    long rss = Machine.rssMegabytes(server.pid());
    table.row("memory idle after start (RSS)", rss + " MB", "", "", "under 600 MB", rss < 600);
  }

  void memory() throws Exception {
    long rss = Machine.rssMegabytes(server.pid());
    String heap = admin.get("/actuator/metrics/jvm.memory.used?tag=area:heap").body;
    long heapMb = (long) (Json.number(heap, "value") / 1024 / 1024);
    String max = admin.get("/actuator/metrics/jvm.memory.max?tag=area:heap").body;
    long maxMb = (long) (Json.number(max, "value") / 1024 / 1024);
    table.row("memory after the load (RSS; heap used of max)", rss + " MB; " + heapMb + " of " + maxMb + " MB", "", "",
        "runs in a 1 GB heap", server.alive() && maxMb <= 1024);
  }

  void deployYardsticks() throws Exception {
    for (String model : List.of("BenchBareIncident", "BenchBareLifecycle", "BenchBareTimer")) {
      Path file = options.home.resolve("models/" + model + ".bpmn");
      Http.Response answer = admin.deploy(model, file);
      check(answer.status == 200, "deploying " + model + ": " + answer);
      // The same authentication and rights as an agent has for incidents: the service desk starts them.
      admin.post("/engine-rest/authorization/create", """
          {"type": 1, "permissions": ["READ", "CREATE_INSTANCE"], "groupId": "service-desk",
           "resourceType": 6, "resourceId": "%s"}""".formatted(model));
    }
  }

  // ---------------------------------------------------------------- intake

  void intake() throws Exception {
    int[] clients = options.quick ? new int[] {4} : new int[] {4, 16, 64};
    int rounds = options.quick ? 1 : options.rounds;
    Path report = write("report.json", REPORT);
    Path empty = write("start.json", "{}");
    // The JIT compiles the hot paths of both first: the first seconds of a fresh JVM measure the compiler.
    System.out.println("  warming up");
    Wrk.run(options, alice, "/api/incidents", "POST", report, 4, options.warmUpSeconds);
    Wrk.run(options, alice, "/engine-rest/process-definition/key/BenchBareIncident/start", "POST", empty, 4,
        options.warmUpSeconds);
    drain();
    for (int c : clients) {
      List<Wrk.Result> ours = new ArrayList<>();
      List<Wrk.Result> bare = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        ours.add(measured(() -> Wrk.run(options, alice, "/api/incidents", "POST", report, c, options.intakeSeconds)));
        bare.add(measured(() -> Wrk.run(options, alice, "/engine-rest/process-definition/key/BenchBareIncident/start",
            "POST", empty, c, options.intakeSeconds)));
      }
      Wrk.Result o = Wrk.median(ours);
      Wrk.Result b = Wrk.median(bare);
      table.row("intake, " + c + " clients (median of " + rounds + "), per s; p50 / p99",
          fmt("%.0f; %d / %d ms", o.perSecond(), o.p50Ms(), o.p99Ms()),
          fmt("%.0f; %d / %d ms", b.perSecond(), b.p50Ms(), b.p99Ms()), fmt("%.1fx", b.perSecond() / o.perSecond()),
          c == 16 ? "150/s (H2), 100/s (PG); p99 under 250 ms" : "",
          c != 16 || (o.perSecond() >= (options.db.equals("h2") ? 150 : 100) && o.p99Ms() < 250));
      table.row("intake, " + c + " clients: server CPU per request, its jobs and mails included",
          fmt("%.1f ms", o.cpuPerRequestMs), fmt("%.1f ms", b.cpuPerRequestMs),
          fmt("%.1fx", o.cpuPerRequestMs / b.cpuPerRequestMs), "at most 3x",
          o.cpuPerRequestMs <= 3 * b.cpuPerRequestMs);
      table.check(o.server == 0 && b.server == 0, "intake answered 5xx: ours " + o.server + ", bare " + b.server);
      table.check(o.ok > 0 && b.ok > 0, "intake created nothing: ours " + o + ", bare " + b);
    }
  }

  /** Runs a load, then waits until the jobs it caused are done, and charges the server's CPU of both to its requests. */
  Wrk.Result measured(Callable<Wrk.Result> load) throws Exception {
    long cpuBefore = Machine.cpuMillis(server.pid());
    Wrk.Result result = load.call();
    drain();
    long cpu = Machine.cpuMillis(server.pid()) - cpuBefore;
    result.cpuPerRequestMs = result.ok == 0 ? Double.NaN : (double) cpu / result.ok;
    return result;
  }

  /** Waits until no job is due and the server's CPU has been quiet for a second (mails sent, escalations done). */
  void drain() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      long due = countOf("/engine-rest/job/count?executable=true&active=true");
      long cpu = Machine.cpuMillis(server.pid());
      Thread.sleep(1000);
      long used = Machine.cpuMillis(server.pid()) - cpu;
      if (due == 0 && used < 150) {
        return;
      }
    }
    table.check(false, "the jobs did not drain within 10 minutes");
  }

  // ---------------------------------------------------------------- lifecycle

  void lifecycle() throws Exception {
    int count = options.quick ? 10 : 200;
    int clients = 8;
    long retriedBefore = server.retriedCommands();
    Lifecycles ours = runLifecycles(count, clients, this::incidentLifecycle);
    long retried = server.retriedCommands() - retriedBefore;
    Lifecycles bare = runLifecycles(count, clients, this::bareLifecycle);
    table.row("full lifecycle (report, route, claim, resolve, confirm), " + clients + " clients, per s; p50",
        fmt("%.1f; %d ms", ours.perSecond(), ours.p50Ms()), fmt("%.1f; %d ms", bare.perSecond(), bare.p50Ms()),
        fmt("%.1fx", bare.perSecond() / ours.perSecond()), "at most 3x", ours.perSecond() * 3 >= bare.perSecond());
    double oursCpu = ours.cpuMs / ours.done.get();
    double bareCpu = bare.cpuMs / bare.done.get();
    table.row("lifecycle: server CPU per lifecycle", fmt("%.0f ms", oursCpu), fmt("%.0f ms", bareCpu),
        fmt("%.1fx", oursCpu / bareCpu), "", true);
    table.row("lifecycle: clicks that lost a lock race and had to be repeated", ours.races + " of " + ours.done
        + " lifecycles", bare.races + " of " + bare.done, "", "none", ours.races.get() == 0);
    table.row("lifecycle: commands the server ran again after a lock race (ConcurrentChangeRetry)", String.valueOf(retried),
        "", "", "", true);
    table.check(ours.failed.get() == 0 && bare.failed.get() == 0, "lifecycles failed: ours " + ours.failed + ", bare " + bare.failed
        + (ours.firstFailure == null ? "" : "; first: " + ours.firstFailure));
  }

  interface Steps {
    void run(Lifecycles tally) throws Exception;
  }

  interface Callable<T> {
    T call() throws Exception;
  }

  Lifecycles runLifecycles(int count, int clients, Steps steps) throws Exception {
    Lifecycles tally = new Lifecycles();
    AtomicInteger left = new AtomicInteger(count);
    long cpuBefore = Machine.cpuMillis(server.pid());
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      futures.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          long t = System.nanoTime();
          try {
            steps.run(tally);
            tally.finished(System.nanoTime() - t);
          } catch (Exception e) {
            tally.lost(e);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    tally.seconds = (System.nanoTime() - start) / 1e9;
    drain();
    tally.cpuMs = Machine.cpuMillis(server.pid()) - cpuBefore;
    return tally;
  }

  void incidentLifecycle(Lifecycles tally) throws Exception {
    Http.Response reported = tally.retry(() -> alice.post("/api/incidents", REPORT));
    String number = Json.string(reported.body, "incidentNumber");
    String triage = task(alice, number, "Task_TriageIncident");
    tally.retry(() -> alice.post("/engine-rest/task/" + triage + "/claim", "{\"userId\": \"alice\"}"));
    tally.retry(() -> alice.post("/engine-rest/task/" + triage + "/submit-form", Json.variables(Map.of(
        "category", "network", "assignmentGroup", "network-support", "impact", "medium", "urgency", "high",
        "triageDecision", "route"))));
    String investigate = task(bob, number, "Task_InvestigateIncident");
    tally.retry(() -> bob.post("/engine-rest/task/" + investigate + "/claim", "{\"userId\": \"bob\"}"));
    tally.retry(() -> bob.post("/engine-rest/task/" + investigate + "/submit-form", Json.variables(Map.of(
        "investigationOutcome", "resolved", "resolutionCode", "configuration-change",
        "resolutionNotes", "Raised the VPN gateway's idle timeout."))));
    String confirm = task(alice, number, "Task_ConfirmResolution");
    tally.retry(() -> alice.post("/engine-rest/task/" + confirm + "/claim", "{\"userId\": \"alice\"}"));
    tally.retry(() -> alice.post("/engine-rest/task/" + confirm + "/submit-form", Json.variables(Map.of(
        "resolutionAccepted", true, "confirmationComment", "The caller confirms: no drop since."))));
    await(Duration.ofSeconds(60), 50, () -> Optional.of(Json.string(alice.get("/api/incidents/" + number).body, "status"))
        .filter("CLOSED"::equals), () -> number + " did not close within 60 s of its confirmation");
  }

  void bareLifecycle(Lifecycles tally) throws Exception {
    String key = "BARE-" + UUID.randomUUID();
    tally.retry(() -> alice.post("/engine-rest/process-definition/key/BenchBareLifecycle/start",
        "{\"businessKey\": \"" + key + "\"}"));
    String[][] steps = {{"Task_Triage", "alice"}, {"Task_Investigate", "bob"}, {"Task_Confirm", "alice"}};
    for (String[] step : steps) {
      Http user = step[1].equals("bob") ? bob : alice;
      String id = task(user, key, step[0]);
      tally.retry(() -> user.post("/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + step[1] + "\"}"));
      tally.retry(() -> user.post("/engine-rest/task/" + id + "/complete", "{}"));
    }
  }

  /** The id of a task of the instance with this business key, once it exists (30 s at most). */
  String task(Http user, String businessKey, String taskKey) throws Exception {
    return await(Duration.ofSeconds(30), 20, () -> firstId(user, "/engine-rest/task?processInstanceBusinessKey="
        + businessKey + "&taskDefinitionKey=" + taskKey), () -> "no task " + taskKey + " for " + businessKey + " within 30 s");
  }

  // ---------------------------------------------------------------- alerts

  void alerts() throws Exception {
    String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    long before = monitoringIncidents();
    Wrk.Result storm = measured(() -> Wrk.runScript(options, monitoring, "/api/alerts", options.home.resolve("wrk/alerts.lua"),
        16, options.alertSeconds, Map.of("RUN", run)));
    long created = monitoringIncidents() - before;
    long expected = 20 + storm.extra.getOrDefault("new", 0L);
    long duplicates = Math.max(0, created - expected);
    table.row("alert storm, 95 % repeats on 20 fingerprints, 16 clients, " + options.alertSeconds + " s: per s; p50 / p99",
        fmt("%.0f; %d / %d ms", storm.perSecond(), storm.p50Ms(), storm.p99Ms()), "", "",
        "1,000/s; p99 under 100 ms", storm.perSecond() >= 1000 && storm.p99Ms() < 100);
    table.row("alert storm: incidents (expected), duplicates, 5xx",
        created + " (" + expected + "), " + duplicates + ", " + storm.server, "", "", "0 duplicates, 0 5xx",
        // wrk does not read the answers still in flight when it stops: up to one per client more were created.
        duplicates == 0 && storm.server == 0 && created >= storm.extra.getOrDefault("created", Long.MAX_VALUE));
    table.row("alert storm: server CPU per alert", fmt("%.1f ms", storm.cpuPerRequestMs), "", "", "", true);
  }

  long monitoringIncidents() throws Exception {
    return countOf("/engine-rest/history/process-instance/count?processDefinitionKey=IncidentManagementProcess"
        + "&variables=channel_eq_monitoring");
  }

  // ---------------------------------------------------------------- open incidents, SLA timers, task list

  void fillOpenIncidents() throws Exception {
    Path report = write("report.json", REPORT);
    long open = openIncidents();
    long start = System.nanoTime();
    long startCount = open;
    double rate = 20;
    while (open < options.openIncidents) {
      int seconds = (int) Math.max(3, Math.min(120, (options.openIncidents - open) / rate));
      Wrk.Result chunk = Wrk.run(options, alice, "/api/incidents", "POST", report, 16, seconds);
      rate = Math.max(5, chunk.perSecond());
      open = openIncidents();
      System.out.printf("  open incidents: %d of %d%n", open, options.openIncidents);
    }
    drain();
    System.out.printf("  filled %d open incidents in %.0f s%n", open - startCount, (System.nanoTime() - start) / 1e9);
  }

  long openIncidents() throws Exception {
    return countOf("/engine-rest/process-instance/count?processDefinitionKey=IncidentManagementProcess");
  }

  void slaTimers() throws Exception {
    int count = options.timers;
    double ours = timersDueAtOnce("IncidentManagementProcess", "Event_ResponseDue", count);
    startBareTimers(count);
    double bare = timersDueAtOnce("BenchBareTimer", "Event_Due", count);
    table.row(fmt("SLA timers: %,d due at once, per s", count), fmt("%.0f", ours), fmt("%.0f", bare),
        fmt("%.1fx", bare / ours), "300/s and within 3x", ours >= 300 && ours * 3 >= bare);
  }

  void startBareTimers(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Http.Response>> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      started.add(pool.submit(() -> alice.post("/engine-rest/process-definition/key/BenchBareTimer/start", "{}")));
    }
    for (Future<Http.Response> f : started) {
      check(f.get().status == 200, "starting a bare timer: " + f.get());
    }
    pool.shutdown();
  }

  /** Brings the timers forward while they are suspended, then lets them go at once: how many fire per second. */
  double timersDueAtOnce(String processKey, String activityId, int count) throws Exception {
    String definitions = admin.get("/engine-rest/job-definition?processDefinitionKey=" + processKey
        + "&activityIdIn=" + activityId).body;
    List<String> definitionIds = Json.ids(definitions);
    check(!definitionIds.isEmpty(), "no job definition for " + activityId);
    for (String definition : definitionIds) {
      admin.put("/engine-rest/job-definition/" + definition + "/suspended", "{\"suspended\": true, \"includeJobs\": true}");
    }
    List<String> jobs = new ArrayList<>();
    for (String definition : definitionIds) {
      jobs.addAll(Json.ids(admin.get("/engine-rest/job?jobDefinitionId=" + definition + "&maxResults=" + count).body));
    }
    check(jobs.size() >= count, "only " + jobs.size() + " timers of " + activityId + " to bring forward, " + count + " wanted");
    List<String> chosen = jobs.subList(0, count);
    String due = "{\"duedate\": \"" + engineDate(Instant.now().minusSeconds(5)) + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Http.Response>> set = new ArrayList<>();
    for (String job : chosen) {
      set.add(pool.submit(() -> admin.put("/engine-rest/job/" + job + "/duedate", due)));
    }
    for (Future<Http.Response> f : set) {
      check(f.get().status == 204, "setting a due date: " + f.get());
    }
    pool.shutdown();
    long remainingBefore = dueCount(definitionIds);
    drain();
    long start = System.nanoTime();
    for (String definition : definitionIds) {
      admin.put("/engine-rest/job-definition/" + definition + "/suspended", "{\"suspended\": false, \"includeJobs\": true}");
    }
    await(Duration.ofMinutes(15), 100, () -> dueCount(definitionIds) <= remainingBefore - count ? Optional.of(true)
        : Optional.empty(), () -> activityId + ": timers still due after 15 minutes");
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("  %s: %d timers fired in %.1f s%n", processKey, count, seconds);
    drain();
    return count / seconds;
  }

  long dueCount(List<String> definitionIds) throws Exception {
    long n = 0;
    for (String definition : definitionIds) {
      n += countOf("/engine-rest/job/count?jobDefinitionId=" + definition);
    }
    return n;
  }

  /** A timer falling due on a quiet node: how late it fires (the job executor's idle wait). */
  void idleTimer() throws Exception {
    long worst = 0;
    for (int i = 0; i < 3; i++) {
      Thread.sleep(10000);
      String number = Json.string(alice.post("/api/incidents", REPORT).body, "incidentNumber");
      String instance = firstId(admin, "/engine-rest/process-instance?businessKey=" + number).orElseThrow();
      String job = await(Duration.ofSeconds(30), 100, () -> firstId(admin, "/engine-rest/job?processInstanceId=" + instance
          + "&activityId=Event_ResponseDue"), () -> "no response timer for " + number + " within 30 s");
      Thread.sleep(8000);
      Instant due = Instant.now().plusSeconds(3);
      admin.put("/engine-rest/job/" + job + "/duedate", "{\"duedate\": \"" + engineDate(due) + "\"}");
      await(Duration.ofSeconds(90), 25, () -> countOf("/engine-rest/job/count?jobId=" + job) == 0 ? Optional.of(true)
          : Optional.empty(), () -> "the idle timer of " + number + " did not fire within 90 s");
      worst = Math.max(worst, Duration.between(due, Instant.now()).toMillis());
    }
    table.row("an idle SLA timer fires after its moment (worst of 3)", fmt("%.1f s", worst / 1000.0), "", "",
        "within 2 s", worst <= 2000);
  }

  void taskList() throws Exception {
    long open = openIncidents();
    String filter = Json.ids(alice.get("/engine-rest/filter?name=" + java.net.URLEncoder.encode("My group's incidents",
        StandardCharsets.UTF_8)).body).get(0);
    Wrk.Result query = Wrk.run(options, alice, "/engine-rest/task?candidateGroup=service-desk&sortBy=created&sortOrder=desc"
        + "&firstResult=0&maxResults=15", "GET", null, 16, options.taskListSeconds);
    Path empty = write("filter.json", "{}");
    Wrk.Result tasklist = Wrk.run(options, alice, "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
        "POST", empty, 16, options.taskListSeconds);
    String at = fmt("%,d open incidents", open);
    table.row("task list of a group at " + at + ", engine query, 15 per page, 16 clients: per s; p50 / p99",
        fmt("%.0f; %d / %d ms", query.perSecond(), query.p50Ms(), query.p99Ms()), "", "", "p99 under 50 ms",
        query.p99Ms() < 50 && query.server == 0);
    table.row("task list at " + at + ", Tasklist's filter My group's incidents: per s; p50 / p99",
        fmt("%.0f; %d / %d ms", tasklist.perSecond(), tasklist.p50Ms(), tasklist.p99Ms()), "", "", "p99 under 50 ms",
        tasklist.p99Ms() < 50 && tasklist.server == 0);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Asks {@code probe} every {@code pauseMillis} until it answers; fails with {@code failure} when it has not answered
   * within {@code patience}.
   */
  static <T> T await(Duration patience, long pauseMillis, Callable<Optional<T>> probe, Supplier<String> failure)
      throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Optional<T> answer = probe.call();
      if (answer.isPresent()) {
        return answer.get();
      }
      check(System.nanoTime() < deadline, failure.get());
      Thread.sleep(pauseMillis);
    }
  }

  /** The first id in the answer to {@code path}, or none. */
  static Optional<String> firstId(Http user, String path) throws Exception {
    return Json.ids(user.get(path).body).stream().findFirst();
  }

  /** A date as the engine's REST API reads it. */
  static String engineDate(Instant instant) {
    return ENGINE_DATE.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** A count the administrator reads from the engine; a 503 under load is waited out (a minute at most). */
  long countOf(String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      Http.Response answer = admin.get(path);
      if (answer.status == 200) {
        return Json.count(answer.body);
      }
      check(answer.status == 503 && System.nanoTime() < deadline, "GET " + path + ": " + answer);
      System.out.println("  (503 for " + path + "; waiting)");
      Thread.sleep(1000);
    }
  }

  Path write(String name, String content) throws IOException {
    return Files.writeString(work.resolve(name), content);
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static final class Options {
    String db = "h2";
    boolean quick;
    int openIncidents = 100_000;
    int timers = 10_000;
    int intakeSeconds = 20;
    int alertSeconds = 60;
    int taskListSeconds = 30;
    int warmUpSeconds = 30;
    int rounds = 3;
    /** The scenarios to run (--only intake,lifecycle,alerts,timers,tasklist); all when empty. */
    Set<String> only = Set.of();
    int port = 18480;
    Path jar = Path.of("target/incident-flow.jar");
    Path home = Path.of("bench");

    boolean runs(String scenario) {
      return only.isEmpty() || only.contains(scenario);
    }

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--db" -> o.db = args[++i];
          case "--quick" -> {
            o.quick = true;
            o.openIncidents = 300;
            o.timers = 100;
            o.intakeSeconds = 3;
            o.alertSeconds = 5;
            o.taskListSeconds = 3;
            o.warmUpSeconds = 10;
          }
          case "--open-incidents" -> o.openIncidents = Integer.parseInt(args[++i]);
          case "--timers" -> o.timers = Integer.parseInt(args[++i]);
          case "--intake-seconds" -> o.intakeSeconds = Integer.parseInt(args[++i]);
          case "--alert-seconds" -> o.alertSeconds = Integer.parseInt(args[++i]);
          case "--port" -> o.port = Integer.parseInt(args[++i]);
          case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
          case "--only" -> o.only = Set.of(args[++i].split(","));
          case "--jar" -> o.jar = Path.of(args[++i]);
          case "--home" -> o.home = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + arg
              + " (--db h2|postgres, --quick, --open-incidents N, --timers N, --intake-seconds N, --alert-seconds N, --rounds N, --only intake,lifecycle,alerts,timers,tasklist, --port N, --jar F)");
        }
      }
      Set<String> scenarios = Set.of("intake", "lifecycle", "alerts", "timers", "tasklist");
      if (!scenarios.containsAll(o.only)) {
        throw new IllegalArgumentException("--only takes some of " + scenarios + ", not " + o.only);
      }
      if (!o.db.equals("h2") && !o.db.equals("postgres")) {
        throw new IllegalArgumentException("--db is h2 or postgres, not " + o.db);
      }
      return o;
    }
  }

  /** The packaged jar as an operator starts it: demo profile, a fresh database, a 1 GB heap. */
  static final class Server {
    Process process;
    double startSeconds;
    Path log;

    static Server start(Options options, Path work) throws Exception {
      Server server = new Server();
      server.log = work.resolve("app.log");
      List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-XX:-UseDynamicNumberOfCompilerThreads"));
      // More JVM options for the application, e.g. a JFR recording: BENCH_JVM_OPTIONS=-XX:StartFlightRecording=...
      String more = System.getenv("BENCH_JVM_OPTIONS");
      if (more != null && !more.isBlank()) {
        command.addAll(List.of(more.trim().split("\\s+")));
      }
      command.addAll(List.of("-jar", options.jar.toAbsolutePath().toString(), "--server.port=" + options.port,
          "--incident-flow.demo.smtp-port=" + (options.port + 1), "--incident-flow.demo.imap-port=" + (options.port + 2)));
      ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
          .redirectErrorStream(true).redirectOutput(server.log.toFile());
      if (options.db.equals("postgres")) {
        String db = "incident_flow_bench";
        Machine.exec("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-v", "ON_ERROR_STOP=1",
            "-c", "DROP DATABASE IF EXISTS " + db, "-c", "CREATE DATABASE " + db);
        builder.environment().put("SPRING_PROFILES_ACTIVE", "demo,postgres");
        builder.environment().put("INCIDENT_FLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + db);
        builder.environment().put("INCIDENT_FLOW_DB_USER", "postgres");
        builder.environment().put("INCIDENT_FLOW_DB_PASSWORD", "");
      } else {
        command.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/incident-flow") + ";DB_CLOSE_ON_EXIT=FALSE");
        builder.command(command);
      }
      long start = System.nanoTime();
      server.process = builder.start();
      HttpClient client = HttpClient.newHttpClient();
      long deadline = start + Duration.ofSeconds(180).toNanos();
      while (true) {
        check(server.process.isAlive(), "the application exited during start; see " + server.log);
        check(System.nanoTime() < deadline, "not healthy within 180 s; see " + server.log);
        try {
          HttpResponse<String> health = client.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + options.port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      server.startSeconds = (System.nanoTime() - start) / 1e9;
      return server;
    }

    long pid() {
      return process.pid();
    }

    /** How many engine commands the application has run again after losing a race (its log says so each time). */
    long retriedCommands() throws IOException {
      try (var lines = Files.lines(log)) {
        return lines.filter(line -> line.contains("met a concurrent change")).count();
      }
    }

    boolean alive() {
      return process.isAlive();
    }

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }

  /** What the machine says: load, a process's CPU time and resident memory. */
  static final class Machine {
    static String load() {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
      } catch (IOException e) {
        return "?";
      }
    }

    /**
     * The CPU time the process has used, less that of its JIT compiler threads: compiling is a fresh JVM's cost, not a
     * request's, and on two cores it goes on for minutes after the warm-up (the server runs with a fixed number of
     * compiler threads, so none of them ends and takes its time out of the subtraction).
     */
    static long cpuMillis(long pid) throws IOException {
      long ticks = ticks(Path.of("/proc/" + pid + "/stat"));
      try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
        for (Path thread : threads.toList()) {
          try {
            if (Files.readString(thread.resolve("comm")).startsWith("C")
                && Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
              ticks -= ticks(thread.resolve("stat"));
            }
          } catch (IOException ended) {
            // a thread that ended meanwhile
          }
        }
      }
      return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    private static long ticks(Path stat) throws IOException {
      String line = Files.readString(stat);
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    static long rssMegabytes(long pid) throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
      return -1;
    }

    static String exec(String... command) throws Exception {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      check(p.waitFor() == 0, String.join(" ", command) + " failed: " + out);
      return out;
    }
  }

  /** A closed-loop load from wrk (Debian's package), reading the line our Lua scripts print. */
  static final class Wrk {
    static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

    static final class Result {
      long ok, client, server, p50, p90, p99, max, durationMicros;
      double cpuPerRequestMs;
      Map<String, Long> extra = new LinkedHashMap<>();

      double perSecond() {
        return ok / (durationMicros / 1e6);
      }

      long p50Ms() {
        return Math.round(p50 / 1000.0);
      }

      long p99Ms() {
        return Math.round(p99 / 1000.0);
      }

      @Override
      public String toString() {
        return fmt("%d ok, %d 4xx, %d 5xx, %.0f/s, p50 %d ms, p99 %d ms", ok, client, server, perSecond(), p50Ms(), p99Ms());
      }
    }

    static Result run(Options options, Http user, String path, String method, Path body, int clients, int seconds)
        throws Exception {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("METHOD", method);
      env.put("BODY_FILE", body == null ? "" : body.toAbsolutePath().toString());
      return runScript(options, user, path, options.home.resolve("wrk/request.lua"), clients, seconds, env);
    }

    static Result runScript(Options options, Http user, String path, Path script, int clients, int seconds,
        Map<String, String> env) throws Exception {
      ProcessBuilder builder = new ProcessBuilder("wrk", "-t", String.valueOf(Math.min(2, clients)), "-c",
          String.valueOf(clients), "-d", seconds + "s", "--timeout", "30s", "-s", script.toAbsolutePath().toString(),
          user.base + path).redirectErrorStream(true);
      builder.environment().putAll(env);
      builder.environment().put("AUTH", user.authorization);
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      check(p.waitFor() == 0, "wrk failed: " + out);
      String line = out.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
          .orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + out));
      Result r = new Result();
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        long v = Long.parseLong(m.group(2));
        switch (m.group(1)) {
          case "ok" -> r.ok = v;
          case "client" -> r.client = v;
          case "server" -> r.server = v;
          case "p50" -> r.p50 = v;
          case "p90" -> r.p90 = v;
          case "p99" -> r.p99 = v;
          case "max" -> r.max = v;
          case "duration" -> r.durationMicros = v;
          default -> r.extra.put(m.group(1), v);
        }
      }
      System.out.printf("  %s %s, %d clients, %d s: %s%s (load %s)%n", path.length() > 60 ? path.substring(0, 60) + "…" : path,
          script.getFileName(), clients, seconds, r, r.extra.isEmpty() ? "" : " " + r.extra, Machine.load());
      return r;
    }

    static Result median(List<Result> results) {
      List<Result> sorted = new ArrayList<>(results);
      sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
      return sorted.get(sorted.size() / 2);
    }
  }

  /** Tally of lifecycles: done, failed, the clicks repeated because they lost a lock race. */
  static final class Lifecycles {
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger races = new AtomicInteger();
    final List<Long> nanos = new ArrayList<>();
    volatile String firstFailure;
    double seconds;
    double cpuMs;

    synchronized void finished(long elapsed) {
      nanos.add(elapsed);
      done.incrementAndGet();
    }

    void lost(Exception e) {
      failed.incrementAndGet();
      if (firstFailure == null) {
        firstFailure = e.getMessage();
      }
    }

    /** A click: repeated (up to 20 times) when the engine says another transaction changed the incident first. */
    Http.Response retry(Callable<Http.Response> click) throws Exception {
      for (int attempt = 0; ; attempt++) {
        Http.Response answer = click.call();
        if (answer.status < 300) {
          return answer;
        }
        boolean race = answer.body.contains("OptimisticLocking") || answer.body.contains("was updated by another transaction")
            || answer.body.contains("concurrently");
        if (!race || attempt == 20) {
          throw new IllegalStateException(answer.toString());
        }
        races.incrementAndGet();
        Thread.sleep(50);
      }
    }

    double perSecond() {
      return done.get() / seconds;
    }

    synchronized long p50Ms() {
      List<Long> sorted = new ArrayList<>(nanos);
      sorted.sort(null);
      return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2) / 1_000_000;
    }
  }

  /** A user of the application: HTTP basic as a demo user, or a machine client's bearer token. */
  static final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String authorization;

    record Response(int status, String body) {
      @Override
      public String toString() {
        return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
      }
    }

    Http(String base, String authorization) {
      this.base = base;
      this.authorization = authorization;
    }

    static Http basic(String base, String user) {
      return new Http(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    static Http bearer(String base, String token) {
      return new Http(base, "Bearer " + token);
    }

    Response get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, String json) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response deploy(String name, Path model) throws Exception {
      String boundary = "bench" + UUID.randomUUID();
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
          + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue"
          + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + model.getFileName()
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + Files.readString(model) + "\r\n--" + boundary + "--\r\n";
      return send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response send(HttpRequest.Builder request) throws Exception {
      HttpResponse<String> answer = CLIENT.send(request.header("Authorization", authorization)
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(answer.statusCode(), answer.body());
    }
  }

  /** Just enough JSON for the answers the suite reads (no library on a single-file program's class path). */
  static final class Json {
    /** Each object's "id" (the engine puts "links" before it in some answers; no answer read here nests an "id"). */
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    static String string(String json, String field) {
      Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
      check(m.find(), "no " + field + " in " + json);
      return m.group(1);
    }

    static double number(String json, String field) {
      Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+]+)").matcher(json);
      check(m.find(), "no " + field + " in " + json);
      return Double.parseDouble(m.group(1));
    }

    static long count(String json) {
      return (long) number(json, "count");
    }

    static List<String> ids(String json) {
      List<String> ids = new ArrayList<>();
      Matcher m = ID.matcher(json);
      while (m.find()) {
        ids.add(m.group(1));
      }
      return ids;
    }

    static String variables(Map<String, Object> values) {
      StringBuilder json = new StringBuilder("{\"variables\": {");
      values.forEach((k, v) -> json.append(json.length() > 15 ? ", " : "").append('"').append(k).append("\": {\"value\": ")
          .append(v instanceof String ? "\"" + v + "\"" : v).append('}'));
      return json.append("}}").toString();
    }
  }

  /** The table the suite prints: each figure, the bare process's, the ratio, the goal and whether it is met. */
  static final class Table {
    final List<String[]> rows = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    int failures;

    void row(String what, String ours, String bare, String ratio, String goal, boolean met) {
      rows.add(new String[] {what, ours, bare, ratio, goal, goal.isEmpty() ? "" : met ? "met" : "**missed**"});
      System.out.printf("  %s: %s | bare %s | %s | %s%n", what, ours, bare, ratio, goal.isEmpty() ? "" : met ? "met" : "MISSED");
    }

    /** A functional failure (5xx, duplicates, lost lifecycles): fails the run, whatever the speed. */
    void check(boolean ok, String problem) {
      if (!ok) {
        problems.add(problem);
        failures++;
        System.out.println("  FAILED: " + problem);
      }
    }

    String render(Options options) {
      StringBuilder out = new StringBuilder();
      out.append(fmt("Incident Flow benchmark, %s, %s, %s mode, %d cores, load %s at the end%n%n",
          DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atOffset(ZoneOffset.UTC)), options.db,
          options.quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), Machine.load()));
      out.append("| what | ours | bare process | ratio | goal | |\n|---|---|---|---|---|---|\n");
      for (String[] r : rows) {
        out.append("| ").append(String.join(" | ", r)).append(" |\n");
      }
      for (String p : problems) {
        out.append("\nFAILED: ").append(p).append('\n');
      }
      return out.toString();
    }
  }
}
