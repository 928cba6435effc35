/**
 * Comments on incidents by callers, agents and monitoring: kept with the incident, shown on its open task; a
 * caller's comment resumes an incident awaiting the caller.
 */
package io.incidentflow.comment;
