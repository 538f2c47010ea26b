package io.tabula.load.baseline;

import io.tabula.load.agi.LoadCallFlow;
import java.util.Arrays;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/**
 * The load-test call written the usual Asterisk-Java way (blocking calls on a pool thread): a
 * welcome prompt, collect a six-digit account number, read two digits back, hang up. The engine
 * runs the same command sequence through its {@code CallPort} ({@code LoadCallFlow}); neither
 * answers, because {@code CallPort} has no answer step (the dialplan answers before {@code AGI()}).
 *
 * <p>Its AGI lines: {@code STREAM FILE welcome ""}, {@code GET DATA enter-account 5000 6}, {@code
 * SAY DIGITS 42 ""} (repeated as often as {@code agi_arg_1} says, once without it), {@code HANGUP};
 * Asterisk-Java then adds {@code SET VARIABLE AJ_AGISTATUS}.
 */
public final class BaselineCallScript implements AgiScript {

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    String[] arguments = request.getArguments();
    List<String> argumentList = arguments == null ? List.of() : Arrays.asList(arguments);
    for (int round = LoadCallFlow.rounds(argumentList); round > 0; round--) {
      channel.streamFile("welcome");
      channel.getData("enter-account", 5000, 6);
      channel.sayDigits("42");
    }
    channel.hangup();
  }
}
