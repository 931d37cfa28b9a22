package io.painguard.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Small helpers for the TCP ports the local stack listens on (always on the loopback address). */
public final class Ports {

  /** The address every embedded server binds to: never reachable from other machines. */
  public static final String LOOPBACK = "127.0.0.1";

  private Ports() {}

  /**
   * A port that was free a moment ago. Another process may take it before we bind it; the
   * window is tiny and acceptable for a local stack.
   */
  public static int pickFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port on " + LOOPBACK, e);
    }
  }

  /** True when nothing listens on {@code port} of the loopback address, so we can bind it. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Same option as the servers we start, so a port in TIME_WAIT counts as free, as it is for them.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
