package io.tabula.engine.cli;

import io.tabula.engine.pbx.LoopbackDns;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.SrvTarget;
import io.tabula.engine.pbx.VirtualPbx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Three engines on loopback, each {@code tabula serve} in its own JVM with its own working folder
 * and {@code java.io.tmpdir}, sharing one flow store, behind a virtual PBX that reaches them
 * through {@code hagi://engines.test} as Asterisk does: a loopback DNS server answers {@code
 * _agi._tcp.engines.test} with one SRV record per engine (equal priority and weight, rotated per
 * answer as a round-robin DNS server does, so calls spread).
 *
 * <pre>{@code
 * try (EngineTrio trio = EngineTrio.start(dir, SharedFlowStore.directory(dir.resolve("store")))) {
 *   trio.pbx().call(trio.url("city/parking-ticket"), caller);
 * }
 * }</pre>
 */
final class EngineTrio implements AutoCloseable {

  static final String HOST = "engines.test";

  private final List<ServeProcess> engines = new ArrayList<>();
  private final List<Path> folders = new ArrayList<>();
  private final List<InetSocketAddress> addresses = new ArrayList<>();
  private LoopbackDns dns;
  private VirtualPbx pbx;

  private EngineTrio() {}

  /** Starts the three engines at once and waits until each listens; publish before this. */
  static EngineTrio start(Path dir, SharedFlowStore store) throws Exception {
    EngineTrio trio = new EngineTrio();
    try {
      for (int i = 0; i < 3; i++) {
        Path folder = Files.createDirectories(dir.resolve("engine-" + i));
        Path tmp = Files.createDirectories(folder.resolve("tmp"));
        List<String> lines =
            new ArrayList<>(
                List.of(
                    "agi.port: 0",
                    "admin.port: 0",
                    "prompts.check: \"off\"",
                    "memory.slots: 96",
                    "recording: none"));
        lines.addAll(store.settings());
        Path config = Files.write(folder.resolve("tabula.yaml"), lines);
        trio.folders.add(folder);
        trio.engines.add(
            ServeProcess.start(
                List.of(), List.of("-Djava.io.tmpdir=" + tmp), folder, config, "--demo"));
      }
      List<SrvTarget> records = new ArrayList<>();
      trio.dns = LoopbackDns.start().rotating();
      for (int i = 0; i < 3; i++) {
        InetSocketAddress agi = trio.engines.get(i).agiAddress();
        trio.addresses.add(agi);
        String host = "engine-" + i + "." + HOST;
        trio.dns.address(host, InetAddress.getByName(agi.getHostString()));
        records.add(new SrvTarget(10, 0, agi.getPort(), host));
      }
      trio.dns.srv("_agi._tcp." + HOST, records);
      trio.pbx = VirtualPbx.create(PbxOptions.instant().withDnsServer(trio.dns.server()), 2);
      return trio;
    } catch (Exception | AssertionError e) {
      trio.close();
      throw e;
    }
  }

  /** {@code hagi://engines.test/<route>}, what Asterisk's dialplan would run. */
  String url(String route) {
    return "hagi://" + HOST + "/" + route;
  }

  VirtualPbx pbx() {
    return pbx;
  }

  ServeProcess engine(int i) {
    return engines.get(i);
  }

  /** How a {@link io.tabula.engine.pbx.CallReport#engine} names engine {@code i}. */
  String address(int i) {
    InetSocketAddress agi = addresses.get(i);
    return agi.getAddress().getHostAddress() + ":" + agi.getPort();
  }

  /** Engine {@code i}'s working folder (its {@code java.io.tmpdir} is {@code tmp} inside). */
  Path folder(int i) {
    return folders.get(i);
  }

  @Override
  public void close() {
    if (pbx != null) {
      pbx.close();
    }
    if (dns != null) {
      dns.close();
    }
    engines.forEach(ServeProcess::close);
  }
}
