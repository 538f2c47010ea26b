package io.tabula.ops.asterisk.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.asterisk.conf.ConfReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialplanTest {

  @TempDir Path dir;

  private Dialplan dialplan(String... lines) throws IOException {
    Files.writeString(dir.resolve("extensions.conf"), String.join("\n", lines) + "\n");
    return Dialplan.of(new ConfReader(dir).read("extensions.conf").orElseThrow());
  }

  private static String describe(AppCall call) {
    return call.context() + "/" + call.exten() + " " + call.app() + "[" + call.data() + "]";
  }

  @Test
  void readsApplicationsAsPbxConfigDoes() throws IOException {
    Dialplan plan =
        dialplan(
            "[general]",
            "static = yes",
            "[globals]",
            "X = 1",
            "[in]",
            "exten => _[1,2]XX,1,NoOp(pattern with a comma)",
            " same => n(label),Queue(q,t,,,600)",
            "exten => 100,hint,PJSIP/agent1",
            "exten => 101,1,Hangup",
            "exten => 102,1,Set(A=(x)) ; nested parentheses");
    assertThat(plan.calls())
        .extracting(DialplanTest::describe)
        .containsExactly(
            "in/_[1,2]XX NoOp[pattern with a comma]",
            "in/_[1,2]XX Queue[q,t,,,600]",
            "in/101 Hangup[]",
            "in/102 Set[A=(x)]");
  }

  @Test
  void expansionsFillInGlobalsAndEveryGosubsLiteralArguments() throws IOException {
    Dialplan plan =
        dialplan(
            "[globals]",
            "HOST = engine:4573",
            "TABULA = agi://${HOST}",
            "[in]",
            "exten => 1,1,Gosub(sub,s,1(city,parking-ticket))",
            "exten => 2,1,Gosub(sub,s,1(utility,${FROM_DB}))",
            "exten => 3,1,Gosub(other,s,1(x,y))",
            "[sub]",
            "exten => s,1,AGI(${TABULA}/${ARG1}/${ARG2})",
            " same => n,AGI(${TABULA}/fixed/route)");
    AppCall viaGosub = plan.calls("AGI").getFirst();
    assertThat(plan.expansions(viaGosub))
        .containsExactly(
            "agi://engine:4573/city/parking-ticket", "agi://engine:4573/utility/${FROM_DB}");
    assertThat(plan.expansions(plan.calls("agi").getLast()))
        .containsExactly("agi://engine:4573/fixed/route");
  }

  @Test
  void argumentsSplitAtTopLevelCommasOnly() {
    assertThat(AppArgs.split("a,${IF($[1,2]?x:y)},\"q,r\",f(1,2),\\,z"))
        .containsExactly("a", "${IF($[1,2]?x:y)}", "\"q,r\"", "f(1,2)", "\\,z");
  }
}
