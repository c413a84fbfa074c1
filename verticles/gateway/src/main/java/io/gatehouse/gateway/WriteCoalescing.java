package io.gatehouse.gateway;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Coalesces the writes of a WebSocket made in one event-loop pass into one socket write. Vert.x flushes
 * each frame at once unless that connection is reading, but a gateway's frames mostly come from bus
 * messages: a chat message's sender gets the ack of its send and its own copy of the message in one pass,
 * as two flushes, so two system calls and two TCP segments. Netty's {@link FlushConsolidationHandler}
 * defers such a flush to a task queued behind the work already waiting, so frames written in that pass go
 * out together; it flushes at once every {@value #EXPLICIT_FLUSH_AFTER} flushes, and before a close.
 *
 * <p>Vert.x has no public handle on a connection's Netty pipeline; this reaches it through the
 * connection's {@link ConnectionBase} and does nothing (returns false) when that is not what Vert.x gives.
 */
public final class WriteCoalescing {

  static final int EXPLICIT_FLUSH_AFTER = 64;
  private static final String NAME = "gatehouse-flush-coalescing";

  private final boolean enabled;

  public WriteCoalescing(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Installs coalescing on the connection of {@code request}, which must be on its event loop (call it
   * once the request has become a WebSocket). Returns whether coalescing is now on for it.
   */
  public boolean install(HttpServerRequest request) {
    if (!enabled || !(request.connection() instanceof ConnectionBase connection)) {
      return false;
    }
    ChannelPipeline pipeline = connection.channelHandlerContext().channel().pipeline();
    if (pipeline.get(NAME) == null) {
      pipeline.addFirst(NAME, new FlushConsolidationHandler(EXPLICIT_FLUSH_AFTER, true));
    }
    return true;
  }
}
