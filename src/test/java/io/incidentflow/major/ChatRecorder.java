package io.incidentflow.major;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Slack and Teams webhooks (the surefire configuration in {@code pom.xml} points them at
 * {@code http://127.0.0.1:<test.chat.port>/slack} and {@code /teams}): records every post, and answers each with the
 * status the test sets (200 by default, 500 to see a post fail).
 */
final class ChatRecorder implements AutoCloseable {

  /** One post: the webhook's path and the JSON body. */
  record Post(String path, String body) {
  }

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);

  ChatRecorder() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("test.chat.port", 15480)), 0);
    server.createContext("/", exchange -> {
      posts.add(new Post(exchange.getRequestURI().getPath(),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
  }

  List<Post> posts() {
    return List.copyOf(posts);
  }

  void answer(int httpStatus) {
    status.set(httpStatus);
  }

  void clear() {
    posts.clear();
    status.set(200);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
