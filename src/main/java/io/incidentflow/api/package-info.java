/**
 * The application's HTTP API under {@code /api} (and the resolution link page): controllers, authentication
 * of users and machine clients, the one error body. HTTP only: the work is done by the feature packages.
 */
package io.incidentflow.api;
