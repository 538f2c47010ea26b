package io.tabula.flows.parse;

import io.tabula.flows.model.FieldKind;
import io.tabula.flows.model.JournalMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code journal:} marks of collect and lookup steps: what the call journal may keep of a
 * value. Card fields and PINs are always blocked, whatever the flow says.
 */
final class JournalMarks {

  private static final List<String> MODES = List.of("block", "encrypt");

  private JournalMarks() {}

  /** {@code journal: encrypt | block} of a collect; refused on card, expiry, CVC and PIN. */
  static JournalMode collect(YamlMap collect, FieldKind kind) {
    JournalMode mode = Pieces.enumValue(collect, "journal", JournalMode.class, JournalMode.BLOCK);
    if (mode == JournalMode.ENCRYPT && kind.alwaysSecure()) {
      collect
          .problems()
          .add(
              collect.value("journal").orElseThrow(),
              "a "
                  + kind.spelling()
                  + " field is never journaled: card data and PINs are always blocked and"
                  + " 'journal: encrypt' cannot keep them",
              "remove 'journal: encrypt' (the journal keeps the payment's last four and brand)");
      return JournalMode.BLOCK;
    }
    return mode;
  }

  /** {@code journal: {output: encrypt}} of a lookup; every name must be one of its outputs. */
  static Map<String, JournalMode> lookup(YamlMap lookup, Set<String> outputs, String where) {
    if (!lookup.has("journal")) {
      return Map.of();
    }
    Map<String, JournalMode> marks = new LinkedHashMap<>();
    lookup
        .map("journal", false, where)
        .ifPresent(
            journal ->
                journal
                    .entries()
                    .forEach(
                        (name, tuple) -> {
                          String text = YamlMap.scalar(tuple.getValueNode()).orElse("");
                          if (!outputs.contains(name)) {
                            journal
                                .problems()
                                .add(
                                    tuple.getKeyNode(),
                                    "'"
                                        + name
                                        + "' is not an output of "
                                        + where
                                        + Suggest.hint(name, List.copyOf(outputs)),
                                    "mark only names listed under 'outputs'");
                          } else if (!MODES.contains(text)) {
                            journal
                                .problems()
                                .add(
                                    tuple.getValueNode(),
                                    "'" + text + "' is not a journal mode",
                                    "use encrypt or block");
                          } else {
                            marks.put(
                                name, JournalMode.valueOf(text.toUpperCase(java.util.Locale.ROOT)));
                          }
                        }));
    return Collections.unmodifiableMap(marks);
  }
}
