package dev.switchboard.transport.limits;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times one HTTP/1.x connection: the head of a request must be complete {@code requestHeaderTimeout} after its first
 * byte, its body {@code requestBodyTimeout} after the head, and a connection with no request in progress and no
 * response pending is closed after {@code idleTimeout}. A response still being written (an SSE stream, a long call)
 * keeps the connection. All state lives on the channel's event loop. At most one timer is pending per connection:
 * when it fires before the current phase's deadline it is scheduled again for the rest, and it is moved only when a
 * phase with an earlier deadline begins.
 */
final class RequestTimer {
  private static final System.Logger LOG = System.getLogger(RequestTimer.class.getName());

  private enum Phase { IDLE, HEAD, BODY }

  private final Channel channel;
  private final long headNanos;
  private final long bodyNanos;
  private final long idleNanos;
  private Phase phase = Phase.IDLE;
  private long phaseStart;
  private int responsesPending;
  private ScheduledFuture<?> timer;
  private long timerDeadline;

  RequestTimer(Channel channel, LimitsOptions limits) {
    this.channel = channel;
    this.headNanos = limits.requestHeaderTimeout().toNanos();
    this.bodyNanos = limits.requestBodyTimeout().toNanos();
    this.idleNanos = limits.idleTimeout().toNanos();
  }

  /** Starts the idle clock (the connection is open and nothing arrived yet). */
  void start() {
    channel.eventLoop().execute(() -> enter(Phase.IDLE));
  }

  /** Sees raw bytes: the first byte of a request starts its head clock. */
  ChannelHandler bytes() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (phase == Phase.IDLE) {
          enter(Phase.HEAD);
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  /** Sees decoded requests and the responses written: head done, body done, response done. */
  ChannelHandler messages() {
    return new ChannelDuplexHandler() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
          responsesPending++;
          enter(Phase.BODY);
        }
        if (msg instanceof LastHttpContent) {
          enter(Phase.IDLE);
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse && isInterim((HttpResponse) msg))) {
          responsesPending = Math.max(0, responsesPending - 1);
          if (phase == Phase.IDLE) {
            enter(Phase.IDLE);
          }
        }
        ctx.write(msg, promise);
      }
    };
  }

  private static boolean isInterim(HttpResponse response) {
    return response.status().code() < 200;
  }

  private void enter(Phase next) {
    phase = next;
    phaseStart = System.nanoTime();
    long deadline = phaseStart + limitOf(next);
    if (timer == null) {
      schedule(limitOf(next));
    } else if (deadline < timerDeadline) {
      timer.cancel(false);
      schedule(limitOf(next));
    }
  }

  private long limitOf(Phase current) {
    return switch (current) {
      case HEAD -> headNanos;
      case BODY -> bodyNanos;
      case IDLE -> idleNanos;
    };
  }

  private void schedule(long delayNanos) {
    long delay = Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(1));
    timerDeadline = System.nanoTime() + delay;
    timer = channel.eventLoop().schedule(this::check, delay, TimeUnit.NANOSECONDS);
  }

  private void check() {
    timer = null;
    if (!channel.isActive()) {
      return;
    }
    if (phase == Phase.IDLE && responsesPending > 0) {
      schedule(idleNanos);
      return;
    }
    long elapsed = System.nanoTime() - phaseStart;
    long limit = limitOf(phase);
    if (elapsed >= limit) {
      LOG.log(System.Logger.Level.DEBUG, "closing a connection: {0} phase took longer than {1} ms",
        phase, TimeUnit.NANOSECONDS.toMillis(limit));
      channel.close();
      return;
    }
    schedule(limit - elapsed);
  }
}
