/**
 * What the service desk knows: known errors (a problem's published workaround) and resolutions agents marked
 * reusable, searchable by words ({@link io.incidentflow.knowledge.KnowledgeArticles}), and the known errors
 * that match an incident ({@link io.incidentflow.knowledge.KnownErrorMatcher}, weighted by the DMN
 * {@code KnownErrorMatching}). Imports {@code incident} only.
 */
package io.incidentflow.knowledge;
