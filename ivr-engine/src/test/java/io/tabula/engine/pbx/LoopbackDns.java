package io.tabula.engine.pbx;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real DNS server on a loopback UDP port for {@code hagi://} tests: it answers SRV and A
 * questions from what the test put in, NXDOMAIN for any other name, with the wire format of Netty's
 * DNS codec. SRV targets are written uncompressed, as RFC 2782 asks. With {@link #rotating} each
 * SRV answer starts one record further on, as a round-robin DNS server does: the only way calls of
 * equal priority and weight spread over engines under Asterisk (see {@link SrvOrder}).
 *
 * <pre>{@code
 * try (LoopbackDns dns = LoopbackDns.start()) {
 *   dns.address("engine-1.test", InetAddress.getLoopbackAddress());
 *   dns.srv("_agi._tcp.engines.test", List.of(new SrvTarget(10, 0, 4573, "engine-1.test")));
 *   PbxOptions options = PbxOptions.instant().withDnsServer(dns.server());
 * }
 * }</pre>
 */
public final class LoopbackDns implements AutoCloseable {

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Map<String, List<SrvTarget>> srv = new ConcurrentHashMap<>();
  private final Map<String, InetAddress> addresses = new ConcurrentHashMap<>();
  private final AtomicInteger srvQueries = new AtomicInteger();
  private volatile boolean rotating;
  private Channel channel;

  private LoopbackDns() {}

  public static LoopbackDns start() {
    LoopbackDns dns = new LoopbackDns();
    dns.channel =
        new Bootstrap()
            .group(dns.group)
            .channel(NioDatagramChannel.class)
            .handler(
                new ChannelInitializer<DatagramChannel>() {
                  @Override
                  protected void initChannel(DatagramChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new DatagramDnsQueryDecoder())
                        .addLast(new DatagramDnsResponseEncoder())
                        .addLast(dns.new Answers());
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .syncUninterruptibly()
            .channel();
    return dns;
  }

  /** Where to send questions: {@link PbxOptions#withDnsServer}. */
  public InetSocketAddress server() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The SRV records of {@code name}, answered in this order (unless rotating). */
  public LoopbackDns srv(String name, List<SrvTarget> records) {
    srv.put(key(name), List.copyOf(records));
    return this;
  }

  /** The A record of {@code host}. */
  public LoopbackDns address(String host, InetAddress address) {
    addresses.put(key(host), address);
    return this;
  }

  /** Each SRV answer starts one record further on than the one before. */
  public LoopbackDns rotating() {
    rotating = true;
    return this;
  }

  /** How many SRV questions were asked. */
  public int srvQueries() {
    return srvQueries.get();
  }

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Answers extends SimpleChannelInboundHandler<DatagramDnsQuery> {
    @Override
    protected void channelRead0(ChannelHandlerContext context, DatagramDnsQuery query) {
      DnsQuestion asked = query.recordAt(DnsSection.QUESTION);
      String name = key(asked.name());
      DatagramDnsResponse response =
          new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
      response.setRecursionDesired(query.isRecursionDesired()).setAuthoritativeAnswer(true);
      response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(asked.name(), asked.type()));
      if (asked.type() == DnsRecordType.SRV && srv.containsKey(name)) {
        int turn = srvQueries.getAndIncrement();
        for (SrvTarget target : inTurn(srv.get(name), rotating ? turn : 0)) {
          response.addRecord(
              DnsSection.ANSWER,
              new DefaultDnsRawRecord(asked.name(), DnsRecordType.SRV, 0, srvData(target)));
        }
      } else if (asked.type() == DnsRecordType.A && addresses.containsKey(name)) {
        response.addRecord(
            DnsSection.ANSWER,
            new DefaultDnsRawRecord(
                asked.name(),
                DnsRecordType.A,
                0,
                Unpooled.wrappedBuffer(addresses.get(name).getAddress())));
      } else if (!srv.containsKey(name) && !addresses.containsKey(name)) {
        if (asked.type() == DnsRecordType.SRV) {
          srvQueries.incrementAndGet();
        }
        response.setCode(DnsResponseCode.NXDOMAIN);
      }
      context.writeAndFlush(response);
    }
  }

  private static List<SrvTarget> inTurn(List<SrvTarget> records, int turn) {
    List<SrvTarget> rotated = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      rotated.add(records.get((turn + i) % records.size()));
    }
    return rotated;
  }

  /** RDATA of an SRV record: priority, weight, port, then the target's labels, uncompressed. */
  private static ByteBuf srvData(SrvTarget target) {
    ByteBuf data = Unpooled.buffer();
    data.writeShort(target.priority()).writeShort(target.weight()).writeShort(target.port());
    if (!target.host().equals(".")) {
      for (String label : target.host().split("\\.")) {
        byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
        data.writeByte(bytes.length).writeBytes(bytes);
      }
    }
    data.writeByte(0);
    return data;
  }
}
