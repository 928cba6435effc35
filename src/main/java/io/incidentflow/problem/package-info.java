/**
 * Problem management: raising a problem (from an investigation, the API, another feature through
 * {@link io.incidentflow.problem.ProblemRaising}, or proposed by the DMN {@code ProblemCandidate} when incidents
 * recur), the process {@code ProblemManagementProcess} and its steps, the links between problems and incidents,
 * publishing a known error to the linked incidents and resolving them when the fix is applied, and the known
 * errors an agent sees at triage and investigation. Imports {@code incident}, {@code comment} (the workaround
 * as a work note or a message to the caller), {@code resolution} ({@code ResolvedElsewhere}) and
 * {@code knowledge}.
 */
package io.incidentflow.problem;
