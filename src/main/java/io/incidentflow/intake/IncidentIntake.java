package io.incidentflow.intake;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CALLER_EMAIL;
import static io.incidentflow.incident.IncidentVariables.CALLER_NAME;
import static io.incidentflow.incident.IncidentVariables.CHANNEL;
import static io.incidentflow.incident.IncidentVariables.DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.IMPACT;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.URGENCY;

import io.incidentflow.incident.Codes.Channel;
import io.incidentflow.incident.ConcurrentRequests;
import io.incidentflow.incident.Digests;
import io.incidentflow.incident.IncidentProcess;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.incident.InvalidIncidentInputException.FieldError;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.summary.IncidentSummaries;
import io.incidentflow.summary.IncidentSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports incidents for API clients: starts {@code IncidentManagementProcess} with the reporting fields,
 * which registers, categorizes and prioritizes the incident and sets its SLA due dates before the start
 * returns, and answers with what was decided. The report is checked by Register incident's rules (those
 * of the form) before the start; a bad report starts nothing. An {@code Idempotency-Key} makes a retry find the first incident.
 */
@Service
public class IncidentIntake {

  /** The fields of a report, in the order a client reads them. */
  static final List<String> REPORT_FIELDS = List.of(SHORT_DESCRIPTION, DESCRIPTION, CALLER_NAME, CALLER_EMAIL,
      AFFECTED_SERVICE, IMPACT, URGENCY, CHANNEL);

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int IDEMPOTENCY_KEY_MAX = 200;
  /** How long a retry waits for a concurrent first attempt with the same key before it gives up. */
  private static final Duration CONCURRENT_ATTEMPT_WAIT = Duration.ofSeconds(10);

  private final RuntimeService runtime;
  private final IncidentSummaries summaries;
  private final IdempotencyKeys keys;
  private final TransactionTemplate transactions;

  public IncidentIntake(RuntimeService runtime, IncidentSummaries summaries, IdempotencyKeys keys,
      TransactionTemplate transactions) {
    this.runtime = runtime;
    this.summaries = summaries;
    this.keys = keys;
    this.transactions = transactions;
  }

  /** The incident reported, and whether an earlier request with the same key had reported it. */
  public record Reported(IncidentSummary incident, boolean replayed) {
  }

  /** Reports the incident {@code body} describes; with {@code idempotencyKey}, at most once per key and client. */
  public Reported report(String clientId, Map<String, Object> body, String idempotencyKey) {
    Map<String, Object> report = reportFields(body);
    if (idempotencyKey == null) {
      return new Reported(start(report), false);
    }
    if (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_MAX) {
      throw RequestRefusedException.badField(IDEMPOTENCY_KEY, "must be 1 to " + IDEMPOTENCY_KEY_MAX + " characters, e.g. a UUID");
    }
    String hash = hash(report);
    return ConcurrentRequests.retry(CONCURRENT_ATTEMPT_WAIT, () -> {
      Optional<IdempotencyKeys.Claim> claim = keys.find(clientId, idempotencyKey);
      if (claim.isPresent()) {
        // Reported already, or still being reported by a concurrent request: its incident is the answer.
        return claim.get().incidentNumber() == null ? Optional.empty() : Optional.of(replay(claim.get(), hash));
      }
      return Optional.of(transactions.execute(status -> {
        keys.claim(clientId, idempotencyKey, hash);
        IncidentSummary incident = start(report);
        keys.complete(clientId, idempotencyKey, incident.incidentNumber());
        return new Reported(incident, false);
      }));
    }, lostRace -> new RequestRefusedException(HttpStatus.CONFLICT, "Another request with this Idempotency-Key is still being"
        + " processed; retry it in a moment"));
  }

  /**
   * Reports the incident {@code body} describes, as {@link #report(String, Map, String)} does without a key, with
   * {@code context}: variables of the channel that reported it (Mail in: the caller's Message-ID), which the report's
   * rules do not check. Joins the caller's transaction.
   */
  public IncidentSummary report(Map<String, Object> body, Map<String, Object> context) {
    Map<String, Object> variables = new LinkedHashMap<>(reportFields(body));
    variables.putAll(context);
    return start(variables);
  }

  private Reported replay(IdempotencyKeys.Claim claim, String hash) {
    if (!claim.requestHash().equals(hash)) {
      throw new RequestRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "This Idempotency-Key was used for another report ("
          + claim.incidentNumber() + "): use a new key for a new incident", List.of(new FieldError(IDEMPOTENCY_KEY,
              "was used before with a different body")));
    }
    return new Reported(summaries.find(claim.incidentNumber()).orElseThrow(), true);
  }

  /** Starts the incident; the read model has its row once the start returns, in the same transaction. */
  private IncidentSummary start(Map<String, Object> report) {
    String number = runtime.startProcessInstanceByKey(IncidentProcess.KEY, report).getBusinessKey();
    return summaries.find(number).orElseThrow();
  }

  /**
   * The reporting fields of the body, checked by the rules Register incident applies, so that a bad
   * report is refused with every bad field (a number or an object where text belongs, too) before
   * anything starts.
   */
  static Map<String, Object> reportFields(Map<String, Object> body) {
    Map<String, Object> report = new LinkedHashMap<>();
    for (String field : REPORT_FIELDS) {
      if (body.get(field) != null) {
        report.put(field, body.get(field));
      }
    }
    report.putIfAbsent(CHANNEL, Channel.PORTAL.value());
    RegisterIncidentDelegate.checkReport(InputCheck.of(report)).orThrow();
    return report;
  }

  private static String hash(Map<String, Object> report) {
    return Digests.sha256Hex(new TreeMap<>(report).toString());
  }
}
