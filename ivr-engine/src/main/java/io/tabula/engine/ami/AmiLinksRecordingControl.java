package io.tabula.engine.ami;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * {@link RecordingControl} for an engine linked to one or more Asterisks: each call mutes on the
 * AMI link of the Asterisk that opened its FastAGI connection ({@link AmiLinks#forAgiPeer}).
 *
 * <p>A call from an address no configured link resolves to cannot have its recording muted, so its
 * secure steps do not start (the flow's error path runs) and the error says which address to add to
 * {@code ami.host}. The peer is resolved on the call's own thread at its first mute, never on the
 * event loop, because resolving a host name can block.
 *
 * <pre>{@code
 * RecordingControl recording = new AmiLinksRecordingControl(links);
 * RecordingControl forThisCall = recording.forPeer(channel.remoteAddress());
 * }</pre>
 */
public final class AmiLinksRecordingControl implements RecordingControl {

  private final AmiLinks links;

  public AmiLinksRecordingControl(AmiLinks links) {
    this.links = links;
  }

  @Override
  public RecordingControl forPeer(SocketAddress peer) {
    return new PeerControl(peer);
  }

  /** Without a known peer, only an engine with exactly one link knows where to mute. */
  @Override
  public void mute(String channel) {
    onlyLink().mute(channel);
  }

  @Override
  public void unmute(String channel) {
    onlyLink().unmute(channel);
  }

  private RecordingControl onlyLink() {
    List<AmiLinkHealth> all = links.health();
    if (all.size() != 1) {
      throw new RecordingControlException(
          "The engine is linked to "
              + all.size()
              + " Asterisks and the call's origin is unknown, so its recording cannot be muted.");
    }
    return new AmiRecordingControl(links.byName(all.getFirst().asterisk()).orElseThrow());
  }

  /** One call's control; finds its link once, at the first mute. */
  private final class PeerControl implements RecordingControl {

    private final SocketAddress peer;
    private Optional<AmiRecordingControl> resolved;

    PeerControl(SocketAddress peer) {
      this.peer = peer;
    }

    @Override
    public void mute(String channel) {
      link()
          .orElseThrow(
              () ->
                  new RecordingControlException(
                      "No AMI link serves the Asterisk at "
                          + address()
                          + ", so the call's recording cannot be muted and the secure step does"
                          + " not start. Add that Asterisk to ami.host."))
          .mute(channel);
    }

    @Override
    public void unmute(String channel) {
      link().ifPresent(control -> control.unmute(channel));
    }

    private Optional<AmiRecordingControl> link() {
      if (resolved == null) {
        resolved =
            peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? links.forAgiPeer(inet.getAddress()).map(AmiRecordingControl::new)
                : Optional.empty();
      }
      return resolved;
    }

    private String address() {
      return peer instanceof InetSocketAddress inet && inet.getAddress() != null
          ? inet.getAddress().getHostAddress()
          : String.valueOf(peer);
    }
  }
}
