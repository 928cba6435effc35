/**
 * Intake: an incident is reported (Tasklist's start form, the API, an alert), registered with its number and
 * counters; reports through the API are idempotent by key.
 */
package io.incidentflow.intake;
