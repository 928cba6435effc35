/**
 * The manager's dashboard in Cockpit and the figures behind it: backlog, SLA risk, times to acknowledge
 * and resolve, SLA compliance against the targets of the decision {@code KpiTargets}, quality and volume,
 * each computed from the read model's indexed columns for a period and filters ({@link DashboardQuery}).
 */
package io.incidentflow.dashboard;
