/**
 * The incident itself, which every other package builds on and which imports none of them: its process
 * ({@link io.incidentflow.incident.IncidentProcess}), variables, status, value sets and groups, its number (the
 * business key), the checks every input passes, the listener that names its tasks, and how an action on an
 * incident runs (one transaction, again after a concurrent change) and is refused.
 */
package io.incidentflow.incident;
