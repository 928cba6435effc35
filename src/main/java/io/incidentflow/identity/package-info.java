/**
 * Groups, their authorizations and the shared Tasklist filters; the demo users of the demo profile.
 */
package io.incidentflow.identity;
