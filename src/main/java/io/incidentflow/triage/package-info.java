/**
 * Triage: the service desk routes, resolves at first contact or cancels, and corrects the classification.
 */
package io.incidentflow.triage;
