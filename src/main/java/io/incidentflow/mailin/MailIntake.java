package io.incidentflow.mailin;

import static io.incidentflow.incident.IncidentVariables.AFFECTED_SERVICE;
import static io.incidentflow.incident.IncidentVariables.CALLER_EMAIL;
import static io.incidentflow.incident.IncidentVariables.CALLER_MESSAGE_ID;
import static io.incidentflow.incident.IncidentVariables.CALLER_NAME;
import static io.incidentflow.incident.IncidentVariables.CHANNEL;
import static io.incidentflow.incident.IncidentVariables.CLOSED_AT;
import static io.incidentflow.incident.IncidentVariables.DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.FOLLOW_UP_KIND;
import static io.incidentflow.incident.IncidentVariables.FOLLOW_UP_OF;
import static io.incidentflow.incident.IncidentVariables.IMPACT;
import static io.incidentflow.incident.IncidentVariables.PRIORITY;
import static io.incidentflow.incident.IncidentVariables.SHORT_DESCRIPTION;
import static io.incidentflow.incident.IncidentVariables.URGENCY;

import io.incidentflow.comment.Commenting;
import io.incidentflow.comment.IncidentComments;
import io.incidentflow.incident.Caller;
import io.incidentflow.incident.Codes.Channel;
import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.HistoricVariables;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.InvalidIncidentInputException;
import io.incidentflow.incident.RequestRefusedException;
import io.incidentflow.incident.SupportGroups;
import io.incidentflow.intake.IncidentIntake;
import io.incidentflow.intake.RegisterIncidentDelegate;
import io.incidentflow.mailin.MailInMessages.Outcome;
import io.incidentflow.notification.MailThreads;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one person's mail, in one transaction with the row that remembers it ({@link MailInMessages}): a reply to
 * an open or resolved incident becomes the caller's comment (through {@link Commenting}, as the API's: it resumes an
 * incident on hold awaiting the caller); a reply to a closed one within {@code closed-reply-period} reopens it or
 * reports a linked incident as the DMN {@code ClosedIncidentReply} decides; anything else reports a new incident
 * through {@link IncidentIntake} (channel {@code email}, impact and urgency from the DMN {@code MailReportDefaults}).
 * The mail's attachments are kept with the incident.
 */
@Service
class MailIntake {

  static final String DEFAULTS_DECISION = "MailReportDefaults";
  static final String CLOSED_REPLY_DECISION = "ClosedIncidentReply";
  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
  private static final Pattern SUBJECT_TAG = Pattern.compile("\\[(INC\\d{7})]");
  private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^((re|aw|fw|fwd|wg|sv|antw)\\s*(\\[\\d+])?\\s*:\\s*)+");
  private static final Duration FLOOD_WINDOW = Duration.ofHours(1);
  private static final List<String> FOLLOWED_UP = List.of(AFFECTED_SERVICE, IMPACT, URGENCY, PRIORITY, CLOSED_AT,
      SHORT_DESCRIPTION, CALLER_EMAIL);

  /** What the mail made. */
  record Taken(Outcome outcome, String incidentNumber, String how) {
  }

  /** A mail that cannot be taken, for a reason no retry changes (a flooding sender, a report the intake refuses). */
  static final class MailRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MailRefusedException(String reason) {
      super(reason);
    }
  }

  private final IncidentIntake intake;
  private final Commenting commenting;
  private final IncidentComments comments;
  private final IncidentInstances instances;
  private final HistoryService history;
  private final DecisionService decisions;
  private final MailThreads threads;
  private final MailInMessages messages;
  private final IncidentAttachments attachments;
  private final MailInSettings settings;
  private final TransactionTemplate transactions;

  MailIntake(IncidentIntake intake, Commenting commenting, IncidentComments comments, IncidentInstances instances,
      HistoryService history, DecisionService decisions, MailThreads threads, MailInMessages messages,
      IncidentAttachments attachments, MailInSettings settings, TransactionTemplate transactions) {
    this.intake = intake;
    this.commenting = commenting;
    this.comments = comments;
    this.instances = instances;
    this.history = history;
    this.decisions = decisions;
    this.threads = threads;
    this.messages = messages;
    this.attachments = attachments;
    this.settings = settings;
    this.transactions = transactions;
  }

  /**
   * Takes {@code mail}: the incident or comment it makes and the row that remembers it commit together. A
   * {@link org.springframework.dao.DuplicateKeyException} when it was taken already (by another node).
   */
  Taken take(IncomingMail mail) {
    return transactions.execute(tx -> {
      Optional<IncidentState> answered = answered(mail);
      Taken taken;
      if (answered.isPresent() && !fromCaller(mail, answered.get())) {
        taken = strangersReply(mail, answered.get());
      } else if (answered.isPresent() && !done(answered.get())) {
        taken = comment(mail, answered.get());
      } else if (answered.isPresent()) {
        taken = afterClosure(mail, answered.get());
      } else {
        taken = report(mail, defaults(mail), Map.of(), "new incident");
      }
      attachments(mail, taken.incidentNumber());
      messages.record(mail, taken.outcome(), taken.incidentNumber(), taken.how());
      return taken;
    });
  }

  /** The incident {@code mail} answers: one of our Message-IDs in its thread, else {@code [INC…]} in its subject. */
  private Optional<IncidentState> answered(IncomingMail mail) {
    Optional<String> number = mail.threadIds().stream().map(threads::incidentOf).flatMap(Optional::stream).findFirst();
    if (number.isEmpty()) {
      Matcher tag = SUBJECT_TAG.matcher(mail.subject());
      number = tag.find() ? Optional.of(tag.group(1)) : Optional.empty();
    }
    try {
      return number.map(instances::state);
    } catch (RequestRefusedException noSuchIncident) {
      // A number that names no incident (made up, or of another installation): the mail is a new report.
      return Optional.empty();
    }
  }

  /**
   * Whether {@code mail} comes from the incident's caller. Our Message-IDs and the subject's tag can be guessed,
   * so only the caller's own address speaks as the caller: comments, resumes, reopens.
   */
  private boolean fromCaller(IncomingMail mail, IncidentState incident) {
    Object callerEmail = variablesOf(incident).get(CALLER_EMAIL);
    return callerEmail instanceof String address && address.equalsIgnoreCase(mail.sender());
  }

  /**
   * A reply from someone other than the caller (a colleague, a forwarded thread, a guess): nothing of the
   * incident changes; what they wrote is reported as a new incident linked to it, so the service desk reads it.
   */
  private Taken strangersReply(IncomingMail mail, IncidentState incident) {
    LOG.info("Mail {} from {} answers {}, whose caller is someone else: reported as a linked incident",
        mail.messageId(), mail.sender(), incident.number());
    return report(mail, defaults(mail), Map.of(FOLLOW_UP_OF, incident.number(), FOLLOW_UP_KIND, "linked"),
        "linked incident (" + incident.number() + " is another caller's)");
  }

  private static boolean done(IncidentState incident) {
    return !incident.running() || IncidentStatus.CLOSED.name().equals(incident.status())
        || IncidentStatus.CANCELED.name().equals(incident.status());
  }

  private Taken comment(IncomingMail mail, IncidentState incident) {
    String text = mail.text().isBlank() ? "(no text" + (mail.attachments().isEmpty() ? ")" : "; attached: "
        + mail.attachments().stream().map(IncomingMail.Attachment::fileName).collect(Collectors.joining(", ")) + ")")
        : cut(mail.text(), IncidentComments.TEXT_MAX);
    Commenting.CommentAdded added = commenting.comment(new Caller(mail.sender(), Set.of(SupportGroups.SERVICE_DESK)),
        incident.number(), Map.of(Commenting.TEXT, text, Commenting.AUTHOR, IncidentComments.Author.CALLER.value()));
    LOG.info("Mail {} from {}: the caller's comment on {} ({}{})", mail.messageId(), mail.sender(), incident.number(),
        added.status(), added.resumed() ? ", resumed" : "");
    return new Taken(Outcome.COMMENT, incident.number(), added.resumed() ? "comment, resumed" : "comment");
  }

  /** A reply to a closed or canceled incident: reopens it, or reports a linked or a new incident. */
  private Taken afterClosure(IncomingMail mail, IncidentState closed) {
    Map<String, Object> old = variablesOf(closed);
    Instant closedAt = IncidentData.of(old).instant(CLOSED_AT);
    if (closedAt == null) {
      HistoricProcessInstance instance = instances.find(closed.number());
      closedAt = instance.getEndTime() == null ? EngineClock.now() : instance.getEndTime().toInstant();
    }
    Instant now = EngineClock.now();
    boolean withinPeriod = !now.isAfter(closedAt.atOffset(ZoneOffset.UTC).plus(settings.closedReplyPeriod()).toInstant());
    String action = "new";
    if (withinPeriod) {
      Object decided = decisions.evaluateDecisionByKey(CLOSED_REPLY_DECISION).variables(Variables.createVariables()
          .putValue("status", closed.status()).putValue("daysSinceClosed", Duration.between(closedAt, now).toDays())
          .putValue("priority", IncidentData.of(old).priority())).evaluate().getSingleResult().getEntry("action");
      action = String.valueOf(decided);
    }
    if ("new".equals(action)) {
      return report(mail, defaults(mail), Map.of(), "new incident (reply to " + closed.number() + ", " + closed.status()
          + ")");
    }
    String kind = "reopen".equals(action) ? "reopening" : "linked";
    Map<String, Object> classification = new HashMap<>();
    // The same fault (or one about it): its classification and short description, the caller's new words.
    for (String field : List.of(AFFECTED_SERVICE, IMPACT, URGENCY, SHORT_DESCRIPTION)) {
      classification.put(field, old.get(field));
    }
    Taken taken = report(mail, classification, Map.of(FOLLOW_UP_OF, closed.number(), FOLLOW_UP_KIND, kind),
        kind + " of " + closed.number());
    // Whoever reads the closed incident finds the caller's words there too, and where they went on.
    comments.add(new IncidentComments.Comment(closed.number(), now, IncidentComments.Author.CALLER.value(),
        mail.sender(), cut("Replied by mail after closure; " + ("reopening".equals(kind) ? "reopened as "
            : "reported as the linked incident ") + taken.incidentNumber() + (mail.text().isBlank() ? "."
            : ":\n\n" + mail.text()), IncidentComments.TEXT_MAX), IncidentComments.Visibility.CALLER));
    return taken;
  }

  private Map<String, Object> variablesOf(IncidentState incident) {
    return HistoricVariables.of(history, incident.processInstanceId(), FOLLOWED_UP.toArray(String[]::new));
  }

  /** Affected service, impact and urgency of a mail's report, as the DMN {@code MailReportDefaults} says. */
  private Map<String, Object> defaults(IncomingMail mail) {
    return new HashMap<>(decisions.evaluateDecisionByKey(DEFAULTS_DECISION).variables(Variables.createVariables()
        .putValue("subject", mail.subject()).putValue("importance", mail.importance())).evaluate().getSingleResult()
        .getEntryMap());
  }

  private Taken report(IncomingMail mail, Map<String, Object> classification, Map<String, Object> followUp,
      String how) {
    if (messages.incidentsSince(mail.sender(), FLOOD_WINDOW) >= settings.incidentsPerSenderPerHour()) {
      throw new MailRefusedException(mail.sender() + " reported " + settings.incidentsPerSenderPerHour()
          + " incidents by mail within the last hour already (incident-flow.mail-in.incidents-per-sender-per-hour)");
    }
    String subject = REPLY_PREFIX.matcher(SUBJECT_TAG.matcher(mail.subject()).replaceAll("").strip()).replaceAll("")
        .strip();
    String shortDescription = subject.isEmpty() ? "E-mail from " + mail.sender() : subject;
    Map<String, Object> body = new LinkedHashMap<>(classification);
    body.putIfAbsent(SHORT_DESCRIPTION, cut(shortDescription, RegisterIncidentDelegate.SHORT_DESCRIPTION_MAX));
    body.put(DESCRIPTION, cut(mail.text().isBlank() ? shortDescription : mail.text(),
        RegisterIncidentDelegate.DESCRIPTION_MAX));
    body.put(CALLER_NAME, cut(mail.senderName(), RegisterIncidentDelegate.CALLER_NAME_MAX));
    body.put(CALLER_EMAIL, mail.sender());
    body.put(CHANNEL, Channel.EMAIL.value());
    Map<String, Object> context = new HashMap<>(followUp);
    context.put(CALLER_MESSAGE_ID, mail.messageId());
    try {
      String number = intake.report(body, context).incidentNumber();
      LOG.info("Mail {} from {}: {} reported ({})", mail.messageId(), mail.sender(), number, how);
      return new Taken(Outcome.INCIDENT, number, how);
    } catch (InvalidIncidentInputException refused) {
      throw new MailRefusedException("the report is refused: " + refused.getFieldErrors().stream()
          .map(error -> error.field() + " " + error.message()).collect(Collectors.joining(", ")));
    }
  }

  private void attachments(IncomingMail mail, String incidentNumber) {
    for (IncomingMail.Attachment attachment : mail.attachments()) {
      attachments.add(incidentNumber, attachment, mail.messageId());
    }
  }

  /** Whether a failure is the mail's own, so that no retry helps: a refusal other than a concurrent change. */
  static boolean refusedForGood(RuntimeException failure) {
    return failure instanceof MailRefusedException
        || failure instanceof RequestRefusedException refused && refused.status() != HttpStatus.CONFLICT;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
