package io.incidentflow.security;

import io.incidentflow.security.ClientErrors.ClientError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * Client errors at the engine's doors ({@code /engine-rest}, the webapps' {@code /camunda/api/engine})
 * answer 4xx, never 500, and say what is wrong without Java class names: a request about a task that does
 * not exist answers 404 before the engine fails on it; and where the engine refused the input (recorded
 * in {@link ClientErrors}) but its REST resource wrapped the refusal into a 500, or into a 400 that no
 * longer names the field, the answer is the recorded 4xx with the engine's words.
 */
public class EngineRestAnswers extends OncePerRequestFilter {

  /** {@code .../task/{id}} and below, at either door; the path after the door's prefix. */
  private static final Pattern TASK = Pattern.compile("^/(?:engine/[^/]+/)?task/([^/]+)(?:/.*)?$");
  /** Paths under {@code /task/} that name no task. */
  private static final Set<String> NO_TASK = Set.of("create", "count", "report");

  private final List<String> doors;
  private final TaskService tasks;
  private final IdentityService identity;

  /** {@code doors} are the path prefixes of the engine REST API, e.g. {@code /engine-rest}. */
  public EngineRestAnswers(List<String> doors, TaskService tasks, IdentityService identity) {
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
    Answer answer = new Answer(request, response);
    chain.doFilter(request, answer);
    answer.finish();
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

  /**
   * The response, held back only when the engine recorded a client error and its REST resource answered it
   * with a 500 (the wrong status) or a 400 of its own words (the right status, without the field at fault),
   * to answer the recorded error instead.
   */
  private static final class Answer extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private ByteArrayOutputStream held;

    Answer(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    private boolean holding() {
      if (held == null && (getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
          || getStatus() == HttpServletResponse.SC_BAD_REQUEST) && ClientErrors.recorded(request) != null) {
        held = new ByteArrayOutputStream();
      }
      return held != null;
    }

    @Override
    public void setContentLength(int length) {
      if (!holding()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!holding()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding()) {
        return super.getOutputStream();
      }
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          held.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          held.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return holding() ? new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true)
          : super.getWriter();
    }

    /** Answers the recorded client error in place of the 500 that was held back. */
    void finish() throws IOException {
      if (held == null) {
        return;
      }
      ClientError error = ClientErrors.recorded(request);
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setStatus(error.status().value());
      response.setContentType("application/json");
      byte[] body = ErrorAnswers.body(ErrorShape.ENGINE, error.status(), error.message(), null);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
