package io.tabula.connectors.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tabula.connectors.simulator.IdempotencyStore.Claim;
import io.tabula.connectors.simulator.IdempotencyStore.StoredReply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Serves one request: checks the key, applies idempotency, plays an injected fault, and answers.
 * The request body is hashed and parsed in place, then zeroed before the buffer is released.
 */
final class SimulatorHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  static final String METHODS = "/v1/payment_methods";
  static final String INTENTS = "/v1/payment_intents";
  static final String JSON_CHARGES = "/json/v1/charges";

  /** The ledger, read-only: not a Stripe route we emulate, but shaped like Stripe's charge list. */
  static final String LEDGER = "/v1/charges";

  private final GatewaySimulator simulator;
  private final StripeApi api;
  private final IdempotencyStore store;

  /** Whether the request being served lets the connection stay open (one request at a time). */
  private boolean keepAlive;

  SimulatorHandler(GatewaySimulator simulator, StripeApi api, IdempotencyStore store) {
    this.simulator = simulator;
    this.api = api;
    this.store = store;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    long started = System.nanoTime();
    simulator.ledger().countRequest();
    keepAlive = HttpUtil.isKeepAlive(request);
    ByteBuf content = request.content();
    String path = new QueryStringDecoder(request.uri()).path();
    byte[] hash = hash(path, content);
    Request parsed =
        JSON_CHARGES.equals(path)
            ? new Request(null, JsonCharge.parse(content))
            : new Request(FormFields.parse(content), java.util.Optional.empty());
    content.setZero(content.readerIndex(), content.readableBytes());
    if (!authorized(request)) {
      reply(
          ctx, started, StripeApi.error(401, "invalid_request_error", null, "Bad API key."), false);
      return;
    }
    if (LEDGER.equals(path) && !HttpMethod.GET.equals(request.method())) {
      reply(ctx, started, readOnlyLedger(), false);
      return;
    }
    String key = request.headers().get("Idempotency-Key");
    if (key == null) {
      serve(ctx, started, path, parsed, null);
      return;
    }
    switch (store.claim(key, hash)) {
      case Claim.Fresh fresh -> serve(ctx, started, path, parsed, key);
      case Claim.Replay(StoredReply stored) -> reply(ctx, started, stored, true);
      case Claim.Mismatch mismatch ->
          reply(
              ctx,
              started,
              StripeApi.error(
                  400,
                  "idempotency_error",
                  null,
                  "Keys for idempotent requests can only be used with the same parameters."),
              false);
      case Claim.InFlight inFlight ->
          reply(
              ctx,
              started,
              StripeApi.error(409, "invalid_request_error", "idempotency_key_in_use", "Retry."),
              false);
    }
  }

  /** A parsed body: form fields for the Stripe routes, JSON for the generic route. */
  private record Request(FormFields form, java.util.Optional<JsonCharge> json) {}

  private void serve(
      ChannelHandlerContext ctx, long started, String path, Request request, String key) {
    boolean charges = INTENTS.equals(path) || JSON_CHARGES.equals(path);
    Fault fault = charges ? simulator.faults().nextConfirmFault() : null;
    if (fault == Fault.SERVER_ERROR) {
      if (key != null) {
        store.abandon(key);
      }
      reply(ctx, started, StripeApi.error(500, "api_error", null, "Simulated outage."), false);
      return;
    }
    boolean processing = fault == Fault.PROCESSING;
    StoredReply answer =
        switch (path) {
          case LEDGER -> LedgerJson.list(simulator.ledger());
          case METHODS -> api.createPaymentMethod(request.form());
          case INTENTS -> api.confirmPaymentIntent(request.form(), key, processing);
          case JSON_CHARGES -> api.jsonCharge(request.json(), key, processing);
          default -> StripeApi.error(404, "invalid_request_error", "resource_missing", "No route.");
        };
    Duration late = charges ? simulator.faults().nextLateReply() : Duration.ZERO;
    if (!late.isZero()) {
      // The charge is made; the answer (and the key's stored answer) only comes later, so a
      // resend under the key meanwhile sees the request still running.
      simulator.heldReplies().incrementAndGet();
      ctx.executor()
          .schedule(
              () -> {
                if (key != null) {
                  store.complete(key, answer);
                }
                reply(ctx, started, answer, false);
              },
              late.toNanos(),
              TimeUnit.NANOSECONDS);
      return;
    }
    if (key != null) {
      store.complete(key, answer);
    }
    if (fault == Fault.TIMEOUT_AFTER_CHARGE) {
      simulator.heldReplies().incrementAndGet(); // the client will give up waiting
    } else if (fault == Fault.RESET_MID_RESPONSE) {
      resetMidReply(ctx, answer);
    } else {
      reply(ctx, started, answer, false);
    }
  }

  private static StoredReply readOnlyLedger() {
    return StripeApi.error(405, "invalid_request_error", null, "The ledger is read with GET.");
  }

  private void reply(ChannelHandlerContext ctx, long started, StoredReply answer, boolean replay) {
    Duration latency = simulator.options().latency();
    if (latency.isZero()) {
      write(ctx, started, answer, replay);
    } else {
      ctx.executor()
          .schedule(
              () -> write(ctx, started, answer, replay), latency.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void write(ChannelHandlerContext ctx, long started, StoredReply answer, boolean replay) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(answer.body()));
    headers(response, answer.body().length);
    response
        .headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    if (replay) {
      response.headers().set("Idempotent-Replayed", "true");
    }
    ChannelFuture written =
        ctx.writeAndFlush(response)
            .addListener(f -> simulator.stats().record(System.nanoTime() - started));
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static void resetMidReply(ChannelHandlerContext ctx, StoredReply answer) {
    HttpResponse head =
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()));
    headers(head, answer.body().length);
    ctx.write(head);
    ByteBuf half = Unpooled.wrappedBuffer(answer.body(), 0, answer.body().length / 2);
    ctx.writeAndFlush(new DefaultHttpContent(half))
        .addListener(
            f -> {
              // SO_LINGER 0 makes close() send RST instead of FIN, like a crashed load balancer.
              ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
              ctx.channel().close();
            });
  }

  private static void headers(HttpResponse response, int length) {
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, length);
  }

  private boolean authorized(FullHttpRequest request) {
    byte[] expected = simulator.options().apiKey().getBytes(StandardCharsets.US_ASCII);
    return PresentedApiKey.of(request.headers())
        .map(given -> MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  private static byte[] hash(String path, ByteBuf content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(path.getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) 0);
      for (java.nio.ByteBuffer part : content.nioBuffers()) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Handshake failures and resets are what the fault tests provoke; nothing to report.
    ctx.close();
  }
}
