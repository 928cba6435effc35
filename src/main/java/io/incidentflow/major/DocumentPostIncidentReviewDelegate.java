package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentVariables.*;

import io.incidentflow.incident.EngineClock;
import io.incidentflow.incident.IncidentData;
import io.incidentflow.incident.IncidentVariables;
import io.incidentflow.incident.InputCheck;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_DocumentPostIncidentReview}: the review, with its timeline, stored as the major incident's document. */
@Component("documentPostIncidentReviewDelegate")
public class DocumentPostIncidentReviewDelegate implements JavaDelegate {

  private final MajorIncidentReviews reviews;
  private final MajorIncidentChildren children;

  public DocumentPostIncidentReviewDelegate(MajorIncidentReviews reviews, MajorIncidentChildren children) {
    this.reviews = reviews;
    this.children = children;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    IncidentData major = IncidentData.of(execution);
    String groups = major.text(ENGAGED_GROUPS);
    reviews.save(new PostIncidentReview(number, major.text(IncidentVariables.SHORT_DESCRIPTION), major.priority(),
        major.text(IncidentVariables.PRIORITY_LABEL), major.text(IncidentVariables.AFFECTED_SERVICE),
        major.text(INCIDENT_COMMANDER), major.text(COMMUNICATIONS_LEAD),
        groups == null ? java.util.List.of() : Arrays.stream(groups.split(",")).map(String::strip).toList(),
        children.of(number).stream().map(MajorIncidentChildren.Link::childNumber).distinct().toList(),
        major.instant(DECLARED_AT), major.instant(RESOLVED_AT), major.instant(REVIEW_DUE), EngineClock.now(),
        major.text(MajorIncidentTaskListener.REVIEW_HELD_BY), major.text(ROOT_CAUSE), major.text(WENT_WELL),
        major.text(WENT_BADLY), ActionItems.parse(major.text(ACTION_ITEMS), ACTION_ITEMS, InputCheck.of(execution)),
        reviews.timeline(execution)));
  }
}
