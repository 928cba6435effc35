package io.incidentflow.incident;

import java.util.List;
import java.util.Set;

/** Who acts on an incident through the API: a user (or a machine client) and the groups it acts in. */
public record Caller(String userId, Set<String> groupIds) {

  /** True when the caller belongs to at least one of {@code groups}. */
  public boolean isMemberOfAny(List<String> groups) {
    return groups.stream().anyMatch(groupIds::contains);
  }
}
