package io.tabula.engine.ami;

import org.asteriskjava.manager.action.RedirectAction;

/**
 * Transfers a call by AMI {@code Redirect}: the channel leaves the AGI and continues at a dialplan
 * target (an agent queue, for example).
 *
 * <p>What the FastAGI side then sees (fixtures README, observation 6): exactly a hangup. The
 * command in flight completes with {@code 200 result=-1}, then a bare {@code HANGUP} line arrives,
 * later commands get {@code 511}, and when the engine closes the socket the channel does not die
 * but runs the target. A session that asked for the transfer must therefore zero its memory
 * <em>before</em> calling {@link #redirect} and treat the following hangup as the end of its part
 * of the call.
 *
 * <p>Example: {@code new AmiTransfer(link).redirect(channel, new DialplanTarget("agents", "s",
 * 1))}.
 */
public final class AmiTransfer {

  private final AmiLink link;

  public AmiTransfer(AmiLink link) {
    this.link = link;
  }

  /**
   * Redirects {@code channel} and waits for Asterisk's {@code Response: Success}.
   *
   * @throws AmiActionException when the link is down, the channel is gone, or no answer came within
   *     the link's action timeout
   */
  public void redirect(String channel, DialplanTarget target) throws AmiActionException {
    RedirectAction action =
        new RedirectAction(channel, target.context(), target.exten(), target.priority());
    link.send(action, link.options().actionTimeout());
  }
}
