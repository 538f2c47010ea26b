package io.tabula.engine.pbx;

import java.util.List;
import java.util.Map;

/**
 * The {@code 520} usage blocks Asterisk 22 sends, with the exact lines recorded in the fixtures
 * where they exist (GET DATA, STREAM FILE, SET VARIABLE), and the synopsis otherwise.
 */
final class Usage {

  static final String HEADER = "520-Invalid command syntax.  Proper usage follows:\n";
  static final String FOOTER = "520 End of proper usage.\n";

  private static final Map<String, List<String>> LINES =
      Map.of(
          "GET DATA",
          List.of(
              "Stream the given <replaceable>file</replaceable>, and receive DTMF data.",
              "Returns the digits received from the channel at the other end."),
          "STREAM FILE",
          List.of(
              "Send the given file, allowing playback to be interrupted by the given digits, if any."
                  + " Returns <literal>0</literal> if playback completes without a digit being pressed,"
                  + " or the ASCII numerical value of the digit if one was pressed, or"
                  + " <literal>-1</literal> on error or if the channel was disconnected. If musiconhold"
                  + " is playing before calling stream file it will be automatically stopped and will"
                  + " not be restarted after completion.",
              "It sets the following channel variables upon completion:",
              "<variable>PLAYBACKSTATUS</variable>: The status of the playback attempt as a text string.",
              "    <value>SUCCESS</value>",
              "    <value>FAILED</value>"),
          "SET VARIABLE",
          List.of("Sets a variable to the current channel."),
          "WAIT FOR DIGIT",
          List.of(
              "Waits up to <replaceable>timeout</replaceable> milliseconds for channel to receive a DTMF digit."),
          "GET VARIABLE",
          List.of(
              "Returns <literal>0</literal> if <replaceable>variablename</replaceable> is not set."),
          "EXEC",
          List.of(
              "Executes <replaceable>application</replaceable> with given <replaceable>options</replaceable>."));

  private Usage() {}

  static String block(String verb) {
    StringBuilder text = new StringBuilder(HEADER);
    for (String line :
        LINES.getOrDefault(verb, List.of("Usage: " + verb.toLowerCase(java.util.Locale.ROOT)))) {
      text.append(line).append('\n');
    }
    return text.append(FOOTER).toString();
  }
}
