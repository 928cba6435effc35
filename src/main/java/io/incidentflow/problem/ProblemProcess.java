package io.incidentflow.problem;

/** The problem process: its key and the ids of its steps that code refers to. */
public final class ProblemProcess {

  /** The process id of DESIGN.md. */
  public static final String KEY = "ProblemManagementProcess";
  public static final String REVIEW_PROPOSAL = "Task_ReviewProposal";
  public static final String INVESTIGATE = "Task_InvestigateProblem";
  public static final String PUBLISH_WORKAROUND = "Task_PublishWorkaround";
  public static final String RECORD_FIX = "Task_RecordFix";

  private ProblemProcess() {
  }
}
