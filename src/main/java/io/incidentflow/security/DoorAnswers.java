package io.incidentflow.security;

import io.incidentflow.incident.DatabaseOutages;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A door answers what went wrong with the right status, never a 500 for what is no defect. Around
 * everything else at the door (its login included):
 * <ul>
 * <li>a database that cannot be reached answers 503 with {@code Retry-After}, whichever filter or endpoint
 * met it: the client tries again, and the door recovers by itself;</li>
 * <li>at the engine's doors, where the engine refused a request's input or could not reach the database
 * (recorded in {@link ClientErrors}) but its REST resource wrapped that into a 500, or into a 400 that no
 * longer names the field, the answer is the recorded status with the engine's words. (The application's
 * API answers its errors itself.)</li>
 * </ul>
 * Errors are written in the door's shape ({@link ErrorShape}), without Java class names.
 */
public class DoorAnswers extends OncePerRequestFilter {

  /** How long a client should wait before trying again while the database is unreachable. */
  public static final int RETRY_AFTER_SECONDS = 10;
  /** What a client is told while the database is unreachable. */
  public static final String UNAVAILABLE = "The database cannot be reached at the moment; nothing was changed."
      + " Try again in a few seconds.";
  private static final Logger LOG = LoggerFactory.getLogger(DoorAnswers.class);

  private final ErrorShape shape;

  public DoorAnswers(ErrorShape shape) {
    this.shape = shape;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Answer answer = new Answer(request, response);
    try {
      chain.doFilter(request, answer);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseOutages.isOutage(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("{} {}: the database cannot be reached ({}); answered 503", request.getMethod(), request.getRequestURI(),
          e.getMessage());
      unavailable(response);
      return;
    }
    answer.finish();
  }

  private void unavailable(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    ErrorAnswers.write(response, shape, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, null);
  }

  /**
   * The response, held back only when the engine recorded a refusal and its REST resource answered it
   * with a 500 (the wrong status) or a 400 of its own words (the right status, without the field at fault),
   * to answer the recorded error instead.
   */
  private final class Answer extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private ByteArrayOutputStream held;

    Answer(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    private boolean holding() {
      if (held == null && shape == ErrorShape.ENGINE && (getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
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

    /** Answers the recorded error in place of the response that was held back. */
    void finish() throws IOException {
      if (held == null) {
        return;
      }
      ClientError error = ClientErrors.recorded(request);
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (error.status() == HttpStatus.SERVICE_UNAVAILABLE) {
        unavailable(response);
        return;
      }
      ErrorAnswers.write(response, shape, error.status(), error.message(), null);
    }
  }
}
