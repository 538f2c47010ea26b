package io.tabula.engine.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports of one Asterisk, free when chosen: SIP (UDP), AMI (TCP) and an RTP range (UDP, two
 * ports a call). Tests run in parallel on shared machines, so nothing is fixed.
 *
 * @param sip PJSIP's UDP transport
 * @param ami the manager interface
 * @param rtpStart first RTP port (even)
 * @param rtpEnd last RTP port
 */
record PbxPorts(int sip, int ami, int rtpStart, int rtpEnd) {

  private static final int RTP_PORTS = 40;

  static PbxPorts pick() {
    return new PbxPorts(freeUdp(), freeTcp(), freeRtpStart(), 0).withRtpEnd();
  }

  private PbxPorts withRtpEnd() {
    return new PbxPorts(sip, ami, rtpStart, rtpStart + RTP_PORTS - 1);
  }

  static int freeTcp() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port on loopback", e);
    }
  }

  private static int freeUdp() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free UDP port on loopback", e);
    }
  }

  /** A run of free UDP ports above the kernel's ephemeral range's usual floor, tried at random. */
  private static int freeRtpStart() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int start = 2 * ThreadLocalRandom.current().nextInt(10_000, 16_000);
      if (allFree(start)) {
        return start;
      }
    }
    throw new IllegalStateException("no run of " + RTP_PORTS + " free UDP ports for RTP");
  }

  private static boolean allFree(int start) {
    List<DatagramSocket> held = new ArrayList<>();
    try {
      for (int port = start; port < start + RTP_PORTS; port++) {
        held.add(new DatagramSocket(port, InetAddress.getLoopbackAddress()));
      }
      return true;
    } catch (IOException taken) {
      return false;
    } finally {
      held.forEach(DatagramSocket::close);
    }
  }
}
