/**
 * The SLA clocks: targets, business-hours calendars, due dates and timers that pause, warn and escalate.
 */
package io.incidentflow.sla;
