package io.gatehouse.contract.edge;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Read deadlines of one HTTP/1.x connection, between its request decoder and Vert.x: a complete request head
 * must arrive within {@code headerTimeoutMs} of the connection or of the end of the previous response, and a
 * body within {@code bodyTimeoutMs} of its head; otherwise the connection is closed, after a 408 when the
 * client had started a request and no response is under way. A connection that sent nothing since its last
 * response is closed silently: a 408 there could be read as the answer to a request the client is just
 * sending on its kept-alive connection. An idle timeout cannot do this: each byte resets it, so a client sending one header byte
 * a second would hold the connection forever. No deadline runs while a response is under way (a long poll),
 * nor once the connection has become a WebSocket. Confined to the connection's event loop.
 */
final class HttpDeadlines extends ChannelDuplexHandler {

  static final String NAME = "gatehouse-http-deadlines";
  static final String BYTES_NAME = "gatehouse-http-bytes";

  private final long headerTimeoutMs;
  private final long bodyTimeoutMs;
  private ScheduledFuture<?> deadline;
  private int unanswered;
  private boolean readingBody;
  private boolean responding;
  private boolean upgraded;
  private boolean bytesSinceResponse;

  HttpDeadlines(long headerTimeoutMs, long bodyTimeoutMs) {
    this.headerTimeoutMs = headerTimeoutMs;
    this.bodyTimeoutMs = bodyTimeoutMs;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    arm(ctx, headerTimeoutMs);
  }

  /** The handler to put in front of the request decoder: it notes that request bytes arrived. */
  ChannelInboundHandlerAdapter byteWatcher() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        bytesSinceResponse = true;
        ctx.fireChannelRead(msg);
      }
    };
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (!upgraded) {
      if (msg instanceof HttpRequest) {
        unanswered++;
        readingBody = true;
        cancel();
        arm(ctx, bodyTimeoutMs);
      }
      if (msg instanceof LastHttpContent && readingBody) {
        readingBody = false;
        cancel();
      }
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (!upgraded && msg instanceof HttpResponse response
      && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
      upgraded = true;
      cancel();
    } else if (!upgraded && msg instanceof HttpResponse) {
      responding = true;
    }
    if (!upgraded && msg instanceof LastHttpContent) {
      responding = false;
      bytesSinceResponse = readingBody;
      unanswered = Math.max(0, unanswered - 1);
      if (unanswered == 0 && !readingBody) {
        cancel();
        arm(ctx, headerTimeoutMs);
      }
    }
    super.write(ctx, msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  private void arm(ChannelHandlerContext ctx, long timeoutMs) {
    deadline = ctx.executor().schedule(() -> expire(ctx), timeoutMs, TimeUnit.MILLISECONDS);
  }

  private void cancel() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  private void expire(ChannelHandlerContext ctx) {
    deadline = null;
    if (upgraded || !ctx.channel().isActive()) {
      return;
    }
    if (!bytesSinceResponse || responding || unanswered > 1 || (unanswered == 1 && !readingBody)) {
      ctx.close();
      return;
    }
    FullHttpResponse timeout = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT);
    timeout.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    upgraded = true; // no further bookkeeping: the connection ends here
    ctx.writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
  }
}
