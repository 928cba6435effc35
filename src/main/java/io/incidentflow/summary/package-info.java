/**
 * The read model of incidents for lists and the API (a row per incident, kept current on every status
 * change) and the details of one incident: its SLA figures and timeline.
 */
package io.incidentflow.summary;
