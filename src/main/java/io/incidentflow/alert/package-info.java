/**
 * Alerts from Prometheus Alertmanager: one incident per firing fingerprint while it is open, occurrences,
 * cleared alerts.
 */
package io.incidentflow.alert;
