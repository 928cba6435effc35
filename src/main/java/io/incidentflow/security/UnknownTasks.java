package io.incidentflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At the engine's doors, a request about a task that does not exist answers 404 before the engine fails
 * on it: its REST resources answer many of those with a 500 and a Java class name. Whether this user may
 * see or work a task that exists, the engine decides as before.
 */
public class UnknownTasks extends OncePerRequestFilter {

  /** {@code .../task/{id}} and below, at either door; the path after the door's prefix. */
  private static final Pattern TASK = Pattern.compile("^/(?:engine/[^/]+/)?task/([^/]+)(?:/.*)?$");
  /** Paths under {@code /task/} that name no task. */
  private static final Set<String> NO_TASK = Set.of("create", "count", "report");

  private final List<String> doors;
  private final TaskService tasks;
  private final IdentityService identity;

  /** {@code doors} are the path prefixes of the engine REST API, e.g. {@code /engine-rest}. */
  public UnknownTasks(List<String> doors, TaskService tasks, IdentityService identity) {
    this.doors = List.copyOf(doors);
    this.tasks = tasks;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (String door : doors) {
      Matcher task = TASK.matcher(path.startsWith(door) ? path.substring(door.length()) : "");
      if (task.matches() && !NO_TASK.contains(task.group(1)) && !exists(task.group(1))) {
        ErrorAnswers.write(response, ErrorShape.ENGINE, HttpStatus.NOT_FOUND, "No task with id '" + task.group(1)
            + "': it has been completed or deleted, or it never existed", null);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** Whether the task exists at all; whether this user may see or work it, the engine decides. */
  private boolean exists(String taskId) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return tasks.createTaskQuery().taskId(taskId).count() > 0;
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
