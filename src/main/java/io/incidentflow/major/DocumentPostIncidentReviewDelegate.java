package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.*;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentVariables;
import io.incidentflow.incident.InputCheck;
import io.incidentflow.major.PostIncidentReview.ActionItem;
import io.incidentflow.problem.ProblemRaising;
import io.incidentflow.problem.ProblemSource;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DocumentPostIncidentReview}: the review, with its timeline, stored as the major incident's document.
 * Each action item marked for problem management raises a problem in the same step ({@link ProblemRaising}), and
 * the document names it: the review and its problems are recorded together or not at all.
 */
@Component("documentPostIncidentReviewDelegate")
public class DocumentPostIncidentReviewDelegate implements JavaDelegate {

  private final MajorIncidentReviews reviews;
  private final MajorIncidentChildren children;
  private final ProblemRaising problems;

  public DocumentPostIncidentReviewDelegate(MajorIncidentReviews reviews, MajorIncidentChildren children,
      ProblemRaising problems) {
    this.reviews = reviews;
    this.children = children;
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    IncidentData major = IncidentData.of(execution);
    String groups = major.text(ENGAGED_GROUPS);
    String heldBy = major.text(MajorIncidentTaskListener.REVIEW_HELD_BY);
    List<ActionItem> items = ActionItems.parse(major.text(ACTION_ITEMS), ACTION_ITEMS, InputCheck.of(execution))
        .stream().map(item -> item.handToProblemManagement() ? handOver(item, major, number, heldBy) : item).toList();
    reviews.save(new PostIncidentReview(number, major.text(IncidentVariables.SHORT_DESCRIPTION), major.priority(),
        major.text(IncidentVariables.PRIORITY_LABEL), major.text(IncidentVariables.AFFECTED_SERVICE),
        major.text(INCIDENT_COMMANDER), major.text(COMMUNICATIONS_LEAD),
        groups == null ? List.of() : Arrays.stream(groups.split(",")).map(String::strip).toList(),
        children.of(number).stream().map(MajorIncidentChildren.Link::childNumber).distinct().toList(),
        major.instant(DECLARED_AT), major.instant(RESOLVED_AT), major.instant(REVIEW_DUE), EngineClock.now(),
        heldBy, major.text(ROOT_CAUSE), major.text(WENT_WELL), major.text(WENT_BADLY), items,
        reviews.timeline(execution)));
  }

  /**
   * Raises the problem for {@code item}. The major incident is resolved by now, so it is named in the problem's
   * description rather than linked (a problem links open incidents only).
   */
  private ActionItem handOver(ActionItem item, IncidentData major, String number, String heldBy) {
    String prefix = "Action item of " + number + ": ";
    String shortDescription = prefix + item.action();
    if (shortDescription.length() > ProblemRaising.SHORT_DESCRIPTION_MAX) {
      shortDescription = shortDescription.substring(0, ProblemRaising.SHORT_DESCRIPTION_MAX - 1) + "\u2026";
    }
    String description = "From the post-incident review of major incident " + number + " ("
        + major.text(IncidentVariables.SHORT_DESCRIPTION) + "), owner " + item.owner() + ":\n" + item.action()
        + "\n\nRoot cause found by the review: " + major.text(ROOT_CAUSE);
    if (description.length() > ProblemRaising.DESCRIPTION_MAX) {
      description = description.substring(0, ProblemRaising.DESCRIPTION_MAX);
    }
    return item.handedTo(problems.raise(shortDescription, description,
        major.text(IncidentVariables.AFFECTED_SERVICE), List.of(), heldBy == null ? major.text(INCIDENT_COMMANDER) : heldBy,
        ProblemSource.MAJOR_INCIDENT_REVIEW.value()));
  }
}
