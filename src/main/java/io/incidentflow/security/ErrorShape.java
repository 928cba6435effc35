package io.incidentflow.security;

/**
 * The shape a door answers errors in: the application's API ({@code {"status", "error", "fields"}}) or
 * the engine's REST API ({@code {"type", "message"}}, which Tasklist, Cockpit and Modeler read).
 */
public enum ErrorShape { API, ENGINE }
