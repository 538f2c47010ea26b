package io.tabula.engine.pbx;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Connects a call as res_agi.c of Asterisk 22 does: {@code launch_ha_netscript} takes the SRV
 * targets in order and calls {@code launch_netscript} for each; that tries each of the target's
 * addresses, and an address counts as failed only when the TCP connection is refused or not
 * established within {@code MAX_AGI_CONNECT} (2 s). The first connection made wins: an engine that
 * accepts and then closes ends the call's AGI (AGISTATUS=SUCCESS), it does not move on to the next
 * target. When every target failed, or the lookup did, the AGI fails (AGISTATUS=FAILURE).
 */
final class AgiDialer {

  /** res_agi.c {@code MAX_AGI_CONNECT}: how long one connection attempt may take. */
  static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  private final Bootstrap bootstrap;
  private final AgiTargets targets;

  /**
   * @param bootstrap the PBX's client bootstrap, with a handler that sets the pipeline up
   */
  AgiDialer(Bootstrap bootstrap, AgiTargets targets) {
    this.bootstrap = bootstrap;
    this.targets = targets;
  }

  /** The connected channel, or a failure when no target took the connection. */
  CompletableFuture<Channel> dial(AgiUrl url) {
    return targets.targets(url).thenCompose(list -> tryTarget(list, 0));
  }

  private CompletableFuture<Channel> tryTarget(List<SrvTarget> list, int index) {
    if (index == list.size()) {
      return CompletableFuture.failedFuture(new NoEngineAnsweredException(list.size()));
    }
    SrvTarget target = list.get(index);
    return targets
        .addresses(target.host())
        .thenCompose(addresses -> tryAddress(addresses, 0, target.port()))
        .exceptionallyCompose(failed -> tryTarget(list, index + 1));
  }

  private CompletableFuture<Channel> tryAddress(List<InetAddress> addresses, int index, int port) {
    if (index == addresses.size()) {
      return CompletableFuture.failedFuture(new NoEngineAnsweredException(addresses.size()));
    }
    CompletableFuture<Channel> connected = new CompletableFuture<>();
    ChannelFuture connect = bootstrap.connect(new InetSocketAddress(addresses.get(index), port));
    connect.addListener(
        (ChannelFuture done) -> {
          if (done.isSuccess()) {
            connected.complete(done.channel());
          } else {
            connected.completeExceptionally(done.cause());
          }
        });
    return connected.exceptionallyCompose(failed -> tryAddress(addresses, index + 1, port));
  }

  /** Every target refused the connection or did not answer in time. */
  static final class NoEngineAnsweredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoEngineAnsweredException(int tried) {
      super(
          "none of the "
              + tried
              + " FastAGI target(s) took the connection (refused or no answer within 2 s): start"
              + " an engine or correct the SRV records");
    }
  }
}
