package io.incidentflow.summary;

import java.util.List;

/** One page of a list, newest first: {@code {"items": [...], "page": 0, "size": 20, "total": N}}. */
public record ListPage<T>(List<T> items, int page, int size, long total) {
}
