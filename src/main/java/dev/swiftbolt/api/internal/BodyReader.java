package dev.swiftbolt.api.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Reads one request body with the servlet container's non-blocking I/O: a thread runs only while
 * bytes are available, so a client that stalls mid-body holds a socket and a buffer, never a
 * thread. Stops at {@code limit} bytes whatever the framing. When the body is complete the request
 * goes on as a {@link BufferedBodyRequest}; a body cut short (the connection idle beyond its
 * timeout, or closed) is reported as such.
 */
final class BodyReader implements ReadListener {

  /** What happens next; each method is called at most once, and exactly one is. */
  interface Outcome {
    /** The whole body arrived within the limit. */
    void complete(byte[] body);

    void tooLarge(long read);

    void failed(String message);
  }

  private final HttpServletRequest request;
  private final int limit;
  private final long declared;
  private final Outcome outcome;
  private final ByteArrayOutputStream body;
  private final byte[] buffer = new byte[8192];
  private boolean done;

  BodyReader(HttpServletRequest request, int limit, long declared, Outcome outcome) {
    this.request = request;
    this.limit = limit;
    this.declared = declared;
    this.outcome = outcome;
    this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
  }

  @Override
  public void onDataAvailable() throws IOException {
    ServletInputStream in = request.getInputStream();
    while (!done && in.isReady()) {
      int n = in.read(buffer);
      if (n < 0) {
        return;
      }
      if (body.size() + n > limit) {
        done = true;
        outcome.tooLarge(body.size() + (long) n);
        return;
      }
      body.write(buffer, 0, n);
    }
  }

  @Override
  public void onAllDataRead() throws IOException {
    if (done) {
      return;
    }
    done = true;
    outcome.complete(body.toByteArray());
  }

  @Override
  public void onError(Throwable failure) {
    if (done) {
      return;
    }
    done = true;
    String expected =
        declared > 0
            ? "%d of %d bytes".formatted(body.size(), declared)
            : "%d bytes of a chunked body".formatted(body.size());
    String why =
        failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
            ? "nothing more arrived within the read timeout"
            : "the body was malformed or cut short";
    outcome.failed(
        "the request body is incomplete: received %s, then %s; send the whole body at once"
            .formatted(expected, why));
  }

  /** The request as the handlers see it: the body read into memory, its length known. */
  static final class BufferedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] bytes;

    BufferedBodyRequest(HttpServletRequest request, byte[] bytes) {
      super(request);
      this.bytes = bytes;
    }

    @Override
    public int getContentLength() {
      return bytes.length;
    }

    @Override
    public long getContentLengthLong() {
      return bytes.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body has already been read into memory");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      java.nio.charset.Charset charset =
          encoding == null
              ? java.nio.charset.StandardCharsets.UTF_8
              : java.nio.charset.Charset.forName(encoding);
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(new ByteArrayInputStream(bytes), charset));
    }
  }
}
