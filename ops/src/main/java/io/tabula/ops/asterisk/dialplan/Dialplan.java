package io.tabula.ops.asterisk.dialplan;

import io.tabula.ops.asterisk.conf.ConfEntry;
import io.tabula.ops.asterisk.conf.ConfFile;
import io.tabula.ops.asterisk.conf.ConfSection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The applications of extensions.conf, read as pbx_config does: {@code exten => ext,prio,App(data)}
 * and {@code same => prio,App(data)} in each context, {@code [globals]} as variables; {@code
 * [general]} and templates are not contexts.
 *
 * <pre>{@code
 * Dialplan plan = Dialplan.of(extensionsConf);
 * plan.calls("MixMonitor");             // every MixMonitor() priority
 * plan.expansions(agiCall);             // its data with globals and Gosub arguments filled in
 * }</pre>
 */
public final class Dialplan {

  private final List<AppCall> calls;
  private final Map<String, String> globals;

  private Dialplan(List<AppCall> calls, Map<String, String> globals) {
    this.calls = calls;
    this.globals = globals;
  }

  public static Dialplan of(ConfFile extensions) {
    Map<String, String> globals = new HashMap<>();
    List<AppCall> calls = new ArrayList<>();
    for (ConfSection section : extensions.sections()) {
      String context = section.name();
      if (context.equalsIgnoreCase("globals")) {
        section.entries().forEach(e -> globals.put(e.name(), e.value()));
      } else if (!context.equalsIgnoreCase("general")) {
        readContext(section, calls);
      }
    }
    return new Dialplan(List.copyOf(calls), Map.copyOf(globals));
  }

  private static void readContext(ConfSection section, List<AppCall> calls) {
    String exten = "";
    for (ConfEntry entry : section.entries()) {
      String rest;
      if (entry.is("exten")) {
        int comma = extensionEnd(entry.value());
        if (comma < 0) {
          continue;
        }
        exten = entry.value().substring(0, comma).strip();
        rest = entry.value().substring(comma + 1);
      } else if (entry.name().regionMatches(true, 0, "same", 0, 4)) {
        rest = entry.value();
      } else {
        continue;
      }
      int comma = rest.indexOf(',');
      boolean hint = comma >= 0 && rest.substring(0, comma).strip().equals("hint");
      if (comma >= 0 && !hint) {
        calls.add(application(section.name(), exten, rest.substring(comma + 1), entry));
      }
    }
  }

  /** The comma that ends the extension; commas inside a pattern's {@code [...]} do not. */
  private static int extensionEnd(String value) {
    int brackets = 0;
    for (int i = 0; i < value.length(); i++) {
      switch (value.charAt(i)) {
        case '[' -> brackets++;
        case ']' -> brackets = Math.max(0, brackets - 1);
        case ',' -> {
          if (brackets == 0) {
            return i;
          }
        }
        default -> {}
      }
    }
    return -1;
  }

  /**
   * {@code App(data)} as pbx_config splits it: the name up to the first {@code (}, the data up to
   * the last {@code )}; without a {@code (} the whole text is the name and there is no data.
   */
  private static AppCall application(String context, String exten, String text, ConfEntry entry) {
    int paren = text.indexOf('(');
    if (paren < 0) {
      return new AppCall(context, exten, text.strip(), "", entry.where());
    }
    int close = text.lastIndexOf(')');
    String data = close > paren ? text.substring(paren + 1, close) : text.substring(paren + 1);
    return new AppCall(context, exten, text.substring(0, paren).strip(), data, entry.where());
  }

  public List<AppCall> calls() {
    return calls;
  }

  /** Every priority that runs {@code app}. */
  public List<AppCall> calls(String app) {
    return calls.stream().filter(call -> call.is(app)).toList();
  }

  /**
   * The data of {@code call} with globals filled in and, when it runs in a subroutine that {@code
   * Gosub()} calls with literal arguments, once per such call with its {@code ARGn} filled in. What
   * stays unresolved keeps its {@code ${...}}.
   */
  public Set<String> expansions(AppCall call) {
    Set<String> result = new LinkedHashSet<>();
    String withGlobals = Variables.expand(call.data(), globals);
    if (!withGlobals.contains("${ARG")) {
      result.add(withGlobals);
      return result;
    }
    List<List<String>> argLists = gosubArguments(call.context());
    if (argLists.isEmpty()) {
      result.add(withGlobals);
    }
    for (List<String> args : argLists) {
      Map<String, String> values = new HashMap<>(globals);
      for (int i = 0; i < args.size(); i++) {
        values.put("ARG" + (i + 1), Variables.expand(args.get(i), globals));
      }
      result.add(Variables.expand(call.data(), values));
    }
    return result;
  }

  /** The argument lists of every {@code Gosub(context,exten,prio(args))} into {@code context}. */
  private List<List<String>> gosubArguments(String context) {
    List<List<String>> lists = new ArrayList<>();
    for (AppCall gosub : calls("Gosub")) {
      List<String> target = AppArgs.split(gosub.data());
      String last = target.getLast();
      String targetContext = target.size() >= 3 ? target.getFirst() : gosub.context();
      int open = last.indexOf('(');
      if (!targetContext.equalsIgnoreCase(context) || open < 0 || !last.endsWith(")")) {
        continue;
      }
      lists.add(AppArgs.split(last.substring(open + 1, last.length() - 1)));
    }
    return lists;
  }
}
