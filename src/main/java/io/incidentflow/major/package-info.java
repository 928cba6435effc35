/**
 * Major incidents ({@code processes/MajorIncidentProcess.bpmn}): declared by rule or by hand, run by an incident
 * commander and a communications lead, their stakeholders updated on a cadence, their linked incidents resolved with
 * them, closed by a post-incident review. Imports {@code incident}, {@code notification}, {@code comment} (work notes
 * to linked incidents), {@code resolution} (linked incidents resolved from outside) and {@code sla} (business days).
 */
package io.incidentflow.major;
