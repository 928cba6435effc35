package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.CHILD_REVIEW;
import static io.incidentflow.major.MajorIncidentVariables.LINKED_INCIDENTS;
import static io.incidentflow.major.MajorIncidentVariables.PROPOSALS_WAITING;
import static io.incidentflow.major.MajorIncidentVariables.PROPOSED_COUNT;
import static io.incidentflow.major.MajorIncidentVariables.PROPOSED_INCIDENTS;

import io.incidentflow.incident.IncidentInstances;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.major.MajorIncidentChildren.Decision;
import io.incidentflow.major.MajorIncidentChildren.Proposal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * <i>Review proposed linked incidents</i>: the commander decides, in one task, which of the reports proposed as
 * children of the major incident to link. Created, the task takes the oldest {@value #MAX_PER_REVIEW} proposals that
 * wait and lists them, all of them to link until the commander removes some; completed, the numbers given are checked
 * against that list; <i>Link chosen incidents</i> (this delegate, {@code linkProposedChildrenDelegate}) links them,
 * records the decision on every proposal shown, and offers what arrived meanwhile to the next review; cancelled (the
 * major incident's run ended first), the proposals it showed are withdrawn.
 */
@Component("linkProposedChildrenDelegate")
public class ChildReviews implements JavaDelegate {

  /** A review shows at most this many proposals, as many as its listing holds; the next review shows the rest. */
  static final int MAX_PER_REVIEW = 100;
  /** The listing is a text variable, and the engine keeps at most 4,000 characters of text in one. */
  static final int LISTING_MAX = 4000;
  /** What a review lists of a report's short description and its caller's name. */
  static final int DESCRIPTION_SHOWN = 60;
  static final int CALLER_SHOWN = 30;
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
  private static final Pattern NUMBER = Pattern.compile("INC\\d{7}");
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_\\[\\]()#<>!|~{}])");
  private static final Logger LOG = LoggerFactory.getLogger(ChildReviews.class);

  private final MajorIncidentChildren children;
  private final MajorIncidents majorIncidents;
  private final IncidentInstances instances;

  public ChildReviews(MajorIncidentChildren children, MajorIncidents majorIncidents, IncidentInstances instances) {
    this.children = children;
    this.majorIncidents = majorIncidents;
    this.instances = instances;
  }

  /**
   * The review task is created: it takes the proposals that wait and shows them. Its variables live on the review's
   * own execution (the event subprocess's), so that a form submitted to the task and a task completed through the
   * API both change the same {@code linkedIncidents}.
   */
  void opened(DelegateTask task) {
    String parent = task.getExecution().getProcessBusinessKey();
    List<Proposal> shown = new ArrayList<>();
    StringBuilder listing = new StringBuilder();
    for (Proposal proposal : children.waitingProposals(parent, MAX_PER_REVIEW)) {
      String line = line(proposal);
      if (listing.length() + line.length() + 1 > LISTING_MAX) {
        break; // A text variable holds 4,000 characters: the next review shows the rest.
      }
      listing.append(listing.isEmpty() ? "" : "\n").append(line);
      shown.add(proposal);
    }
    children.putInReview(parent, task.getId(), shown.stream().map(Proposal::childNumber).toList());
    DelegateExecution review = task.getExecution();
    review.setVariableLocal(CHILD_REVIEW, task.getId());
    review.setVariableLocal(PROPOSED_INCIDENTS, listing.toString());
    review.setVariableLocal(PROPOSED_COUNT, shown.size());
    review.setVariableLocal(PROPOSALS_WAITING, children.waiting(parent));
    review.setVariableLocal(LINKED_INCIDENTS, shown.stream().map(Proposal::childNumber).collect(Collectors.joining(", ")));
  }

  /** The review task is completed: {@code linkedIncidents} names only incidents it shows, and someone decided. */
  void completed(DelegateTask task, InputCheck check, String actor) {
    Object value = task.getVariable(LINKED_INCIDENTS);
    Set<String> chosen = new LinkedHashSet<>();
    if (value != null && !(value instanceof String)) {
      check.require(false, LINKED_INCIDENTS, "must be text: incident numbers separated by commas");
    } else if (value != null && ((String) value).length() > MAX_PER_REVIEW * 20) {
      check.require(false, LINKED_INCIDENTS, "must be at most " + MAX_PER_REVIEW * 20 + " characters long");
    } else if (value != null) {
      Set<String> shown = children.inReview(task.getId()).stream().map(Proposal::childNumber)
          .collect(Collectors.toSet());
      for (String number : SEPARATORS.split(((String) value).trim().toUpperCase())) {
        if (number.isEmpty()) {
          continue;
        }
        if (!NUMBER.matcher(number).matches()) {
          check.require(false, LINKED_INCIDENTS, "'" + abbreviated(number, 20) + "' is no incident number (INC and 7 digits)");
        } else if (!shown.contains(number)) {
          check.require(false, LINKED_INCIDENTS, number + " is not one of the incidents this review proposes");
        } else {
          chosen.add(number);
        }
      }
    }
    check.require(actor != null, LINKED_INCIDENTS, "is decided by an incident manager: claim the task first");
    check.orThrow();
    task.getExecution().setVariableLocal(LINKED_INCIDENTS, String.join(", ", chosen));
    task.getExecution().setVariableLocal(MajorIncidentTaskListener.CHILD_REVIEWED_BY, actor);
  }

  /** The review task was cancelled before it was completed: what it showed is withdrawn. */
  void cancelled(DelegateTask task) {
    int withdrawn = children.withdrawReview(task.getId());
    if (withdrawn > 0) {
      LOG.info("{}: the review of {} proposed child incident(s) ended undecided with the major incident's run",
          task.getExecution().getProcessBusinessKey(), withdrawn);
    }
  }

  /** Link chosen incidents: links each chosen one still open and not linked, records every decision. */
  @Override
  public void execute(DelegateExecution execution) {
    String parent = execution.getProcessBusinessKey();
    String review = (String) execution.getVariableLocal(CHILD_REVIEW);
    String reviewer = (String) execution.getVariableLocal(MajorIncidentTaskListener.CHILD_REVIEWED_BY);
    String linkedIncidents = (String) execution.getVariableLocal(LINKED_INCIDENTS);
    Set<String> chosen = linkedIncidents == null || linkedIncidents.isBlank() ? Set.of()
        : Set.copyOf(Arrays.asList(SEPARATORS.split(linkedIncidents.trim())));
    List<String> linked = new ArrayList<>();
    List<String> notOpen = new ArrayList<>();
    for (Proposal proposal : children.inReview(review)) {
      String child = proposal.childNumber();
      if (!chosen.contains(child)) {
        children.decide(review, child, Decision.NOT_LINKED, reviewer);
        continue;
      }
      String notLinkable = notLinkable(child);
      if (notLinkable != null) {
        children.decide(review, child, Decision.NOT_OPEN, reviewer);
        notOpen.add(child + " (" + notLinkable + ")");
        continue;
      }
      majorIncidents.link(parent, child, reviewer);
      children.decide(review, child, Decision.LINKED, reviewer);
      linked.add(child);
    }
    LOG.info("{}: review of proposed children by {}: linked {}; not linked as no longer open or linked already: {}",
        parent, reviewer, linked.isEmpty() ? "none" : String.join(", ", linked),
        notOpen.isEmpty() ? "none" : String.join(", ", notOpen));
    // Proposals that arrived during this review wait for the next one.
    ChildProposals.schedule(parent, execution.getProcessInstanceId(), execution.getProcessDefinitionId());
  }

  /** Why {@code child} cannot be linked now (its status: resolved, closed, ended, or linked already); null if it can. */
  String notLinkable(String child) {
    IncidentState state = MajorIncidents.asProcess(() -> instances.state(child));
    if (!state.running() || !IncidentStatus.valueOf(state.status()).isOpen()) {
      return String.valueOf(state.status());
    }
    return children.parentOf(child).map(parent -> "linked to " + parent).orElse(null);
  }

  /** One proposal as the review lists it: a line of Markdown, its texts escaped. */
  static String line(Proposal proposal) {
    StringBuilder line = new StringBuilder("- **").append(proposal.childNumber()).append("**");
    if (proposal.priority() != null) {
      line.append(" · P").append(proposal.priority());
    }
    if (proposal.shortDescription() != null) {
      line.append(" · ").append(escaped(abbreviated(proposal.shortDescription(), DESCRIPTION_SHOWN)));
    }
    if (proposal.callerName() != null) {
      line.append(" · ").append(escaped(abbreviated(proposal.callerName(), CALLER_SHOWN)));
    }
    return line.append(" · proposed ").append(MajorIncidentReviews.MINUTE.format(proposal.proposedAt())).toString();
  }

  private static String escaped(String text) {
    return MARKDOWN.matcher(text.replaceAll("\\s+", " ")).replaceAll("\\\\$1");
  }

  private static String abbreviated(String text, int length) {
    return text.length() > length ? text.substring(0, length) + "…" : text;
  }
}
