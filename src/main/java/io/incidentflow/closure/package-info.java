/**
 * Closure: the incident is documented and closed; its closure record is built, kept and attached to the
 * closure mail.
 */
package io.incidentflow.closure;
