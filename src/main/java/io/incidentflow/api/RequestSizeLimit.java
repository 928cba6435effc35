package io.incidentflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code incident-flow.api.max-request-size} with 413: at once when
 * the client declares its length, and as soon as that many bytes have been read from a chunked body (the
 * read fails, and {@link ApiExceptionHandler} answers 413). Nothing is parsed, let alone created.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final ObjectMapper json;

  public RequestSizeLimit(long maxBytes, ObjectMapper json) {
    this.maxBytes = maxBytes;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json");
      // The client may still be sending: tell it the connection ends here.
      response.setHeader("Connection", "close");
      json.writeValue(response.getOutputStream(), new ApiError(413, message(), List.of()));
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  private String message() {
    return "The body is larger than the " + maxBytes + " bytes this API accepts";
  }

  /** The read past the limit. */
  static final class TooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** A request whose body stream fails once more than the limit has been read. */
  private final class Limited extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }
  }

  private final class CountingStream extends ServletInputStream {

    private final ServletInputStream body;
    private long read;

    CountingStream(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = body.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLargeException {
      read += n;
      if (read > maxBytes) {
        throw new TooLargeException(message());
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
