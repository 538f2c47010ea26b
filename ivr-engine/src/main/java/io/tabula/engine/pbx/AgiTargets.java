package io.tabula.engine.pbx;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.tabula.engine.server.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where an {@link AgiUrl} leads: for {@code hagi://}, the SRV records of {@code _agi._tcp.<host>}
 * in Asterisk's order ({@link SrvOrder}), and each target's addresses, looked up in DNS at every
 * call as Asterisk does (res_nsearch and getaddrinfo keep no cache). The DNS server is the one the
 * options name, or the system's (/etc/resolv.conf) as for Asterisk.
 */
final class AgiTargets implements AutoCloseable {

  /** res_init's default timeout per query (RES_TIMEOUT). */
  private static final long QUERY_TIMEOUT_MILLIS = 5_000;

  private final DnsNameResolver resolver;

  AgiTargets(EventLoop loop, Transport transport, Optional<InetSocketAddress> dnsServer) {
    DnsNameResolverBuilder builder =
        new DnsNameResolverBuilder(loop)
            .datagramChannelType(transport.datagramChannel())
            .queryTimeoutMillis(QUERY_TIMEOUT_MILLIS)
            .resolveCache(NoopDnsCache.INSTANCE)
            .consolidateCacheSize(0)
            .resolvedAddressTypes(ResolvedAddressTypes.IPV4_PREFERRED);
    dnsServer.ifPresent(
        server ->
            builder
                .nameServerProvider(new SingletonDnsServerAddressStreamProvider(server))
                .searchDomains(List.of()));
    this.resolver = builder.build();
  }

  /**
   * The targets to try in order; fails with {@link SrvLookupException} when the lookup fails or has
   * no records. A record whose target is {@code .} stays in, with an empty host that no address is
   * found for, as on Asterisk 22.10.1 with glibc (docs/scaling.md).
   */
  CompletableFuture<List<SrvTarget>> targets(AgiUrl url) {
    if (!url.srv()) {
      return CompletableFuture.completedFuture(
          List.of(new SrvTarget(0, 0, url.port(), url.host())));
    }
    CompletableFuture<List<SrvTarget>> targets = new CompletableFuture<>();
    resolver
        .resolveAll(new DefaultDnsQuestion(url.srvName(), DnsRecordType.SRV))
        .addListener(
            (Future<List<DnsRecord>> done) -> {
              if (!done.isSuccess()) {
                targets.completeExceptionally(new SrvLookupException(url.srvName(), done.cause()));
                return;
              }
              try {
                targets.complete(
                    SrvOrder.asAsterisk(decode(url, done.getNow()), ThreadLocalRandom.current()));
              } catch (SrvLookupException e) {
                targets.completeExceptionally(e);
              } finally {
                done.getNow().forEach(ReferenceCountUtil::release);
              }
            });
    return targets;
  }

  private static List<SrvTarget> decode(AgiUrl url, List<DnsRecord> records) {
    List<SrvTarget> answer = new ArrayList<>();
    for (DnsRecord record : records) {
      if (record.type() != DnsRecordType.SRV || !(record instanceof DnsRawRecord raw)) {
        continue;
      }
      ByteBuf data = raw.content().duplicate();
      int priority = data.readUnsignedShort();
      int weight = data.readUnsignedShort();
      int port = data.readUnsignedShort();
      // The root (".") comes out as "", as glibc's dn_expand gives it to main/srv.c: its check
      // for "." never matches, and the target fails to resolve like an unknown host.
      String target = DefaultDnsRecordDecoder.decodeName(data);
      String host = target.endsWith(".") ? target.substring(0, target.length() - 1) : target;
      answer.add(new SrvTarget(priority, weight, port, host));
    }
    if (answer.isEmpty()) {
      throw new SrvLookupException(url.srvName(), null);
    }
    return answer;
  }

  /** The target's addresses (IPv4 first), as getaddrinfo would give them to res_agi.c. */
  CompletableFuture<List<InetAddress>> addresses(String host) {
    if (host.isEmpty()) {
      // Asterisk: "Unable to locate host ':0'". Netty would take "" for the loopback address.
      return CompletableFuture.failedFuture(new UnknownHostException("an empty SRV target"));
    }
    CompletableFuture<List<InetAddress>> addresses = new CompletableFuture<>();
    resolver
        .resolveAll(host)
        .addListener(
            (Future<List<InetAddress>> done) -> {
              if (done.isSuccess()) {
                addresses.complete(List.copyOf(done.getNow()));
              } else {
                addresses.completeExceptionally(done.cause());
              }
            });
    return addresses;
  }

  @Override
  public void close() {
    resolver.close();
  }

  /** The SRV lookup of a {@code hagi://} URL gave no usable target. */
  static final class SrvLookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SrvLookupException(String name, Throwable cause) {
      super(
          "SRV lookup failed for "
              + name
              + ": serve SRV records for it (one per engine) from the DNS server"
              + " the PBX asks",
          cause);
    }
  }
}
