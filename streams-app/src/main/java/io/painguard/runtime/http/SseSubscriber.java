package io.painguard.runtime.http;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open alert stream: a bounded queue of frames and at most one writer task at a time on the
 * hub's writer pool. Whoever has something to send only queues it, so a client that stops reading
 * (its TCP buffers full, the write blocked) stalls its own writer and nobody else; when its queue
 * overflows the hub {@link #disconnect()}s it.
 */
final class SseSubscriber {

  /** What goes down the stream: an alert event, or a comment (connected, keepalive). */
  sealed interface Frame permits Event, Comment {}

  record Event(String id, String json) implements Frame {}

  record Comment(String text) implements Frame {}

  final Caller caller;
  private final SseClient client;
  private final BlockingQueue<Frame> queue;
  private final Executor writers;
  private final AtomicBoolean writing = new AtomicBoolean();
  private volatile boolean closed;

  SseSubscriber(SseClient client, Caller caller, int capacity, Executor writers) {
    this.client = client;
    this.caller = caller;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writers = writers;
  }

  /** Queues a frame without waiting; false when the queue is full (the client is too slow). */
  boolean offer(Frame frame) {
    if (closed) {
      return true; // going away anyway; not a slow client
    }
    if (!queue.offer(frame)) {
      return false;
    }
    startWriting();
    return true;
  }

  /** Frames waiting to be written. */
  int queued() {
    return queue.size();
  }

  boolean isOpen() {
    return !closed && !client.terminated();
  }

  private void startWriting() {
    if (writing.compareAndSet(false, true)) {
      try {
        writers.execute(this::drain);
      } catch (RejectedExecutionException e) {
        writing.set(false); // the hub is closing
      }
    }
  }

  private void drain() {
    try {
      for (Frame frame = queue.poll(); frame != null && isOpen(); frame = queue.poll()) {
        write(frame);
      }
    } catch (RuntimeException e) {
      closed = true; // a broken connection; the client's close callback removes it from the hub
      client.close();
    } finally {
      writing.set(false);
      // A frame queued after the last poll but before writing was cleared would wait forever.
      if (!queue.isEmpty() && isOpen()) {
        startWriting();
      }
    }
  }

  private void write(Frame frame) {
    // Javalin's client notices a failed write itself and closes (running the close callback).
    if (frame instanceof Event event) {
      client.sendEvent(AlertStreamHub.EVENT_NAME, event.json(), event.id());
    } else if (frame instanceof Comment comment) {
      client.sendComment(comment.text());
    }
  }

  /**
   * Ends the stream: drops what is queued, then aborts the connection (so a writer blocked on the
   * full socket fails at once instead of at Jetty's idle timeout) and closes the client. May block
   * briefly on the connection; the hub runs it on the writer pool, never on the publishing thread.
   */
  void disconnect() {
    closed = true;
    queue.clear();
    try {
      org.eclipse.jetty.server.Request jetty = org.eclipse.jetty.server.Request.getBaseRequest(client.ctx().req());
      if (jetty != null) {
        jetty.getHttpChannel().abort(new IOException("alert stream client too slow"));
      }
    } catch (RuntimeException e) {
      // not Jetty's request, or already gone: closing below is all there is to do
    }
    client.close();
  }

  /** Closes the stream without aborting it (the server is stopping; nothing is queued for it). */
  void close() {
    closed = true;
    queue.clear();
    client.close();
  }
}
