/**
 * What arrives from outside and may not be trusted, closed at the engine and at every HTTP door:
 * expressions in task queries, variables written through tasks, starts and other engine commands,
 * logins (throttled, never locked for good), and request bodies (size, control characters, serialized
 * objects). The engine-level guards sit in the engine's command chain, so every door (the engine REST
 * API, the webapps' session API, the application's own API) passes through the same check.
 */
package io.incidentflow.security;
