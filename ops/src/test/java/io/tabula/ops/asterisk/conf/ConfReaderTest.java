package io.tabula.ops.asterisk.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfReaderTest {

  @TempDir Path dir;

  private ConfFile read(String... lines) throws IOException {
    write("test.conf", lines);
    return new ConfReader(dir).read("test.conf").orElseThrow();
  }

  private Path file() {
    return dir.resolve("test.conf");
  }

  private void write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static List<String> values(ConfSection section) {
    return section.entries().stream().map(e -> e.name() + "=" + e.value()).toList();
  }

  @Test
  void semicolonEndsTheLineUnlessEscaped() throws IOException {
    ConfFile conf = read("[s]", "a = 1 ; one", "b = x\\;y ; the escape stands for a ;", "; c = 3");
    assertThat(values(conf.section("s").orElseThrow())).containsExactly("a=1", "b=x;y");
  }

  @Test
  void blockCommentsSpanLinesNestAndJoinTheTextAroundThem() throws IOException {
    ConfFile conf =
        read(
            "[s]",
            "a = be;-- inline --;fore",
            ";--",
            "b = 2",
            " ;-- nested --;",
            "c = 3",
            "--;",
            "d = 4",
            "e = 5 ;--- three dashes are a plain comment",
            "f = 6");
    assertThat(values(conf.section("s").orElseThrow()))
        .containsExactly("a=before", "d=4", "e=5", "f=6");
    assertThat(conf.problems()).isEmpty();
  }

  @Test
  void anUnclosedBlockCommentHidesTheRestAndIsReported() throws IOException {
    ConfFile conf = read("[s]", "a = 1", ";-- from here", "b = 2");
    assertThat(values(conf.section("s").orElseThrow())).containsExactly("a=1");
    assertThat(conf.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.where().line()).isEqualTo(3))
        .satisfies(p -> assertThat(p.what()).contains("never closed"));
  }

  @Test
  void aStrayBlockEndMakesAsteriskIgnoreTheLinesAfterIt() throws IOException {
    ConfFile conf = read("[s]", "a = 1 --; ; not a comment either", "b = 2");
    assertThat(values(conf.section("s").orElseThrow()))
        .containsExactly("a=1 --; ; not a comment either");
    assertThat(conf.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.where()).isEqualTo(new ConfLocation(file(), 2, 7)))
        .satisfies(p -> assertThat(p.what()).contains("--;"));
  }

  @Test
  void objectsAppendsAndLocations() throws IOException {
    ConfFile conf =
        read("[s]", "exten => 1,1,NoOp()", "   x = a", "x += b", "y += only", "\\;z = w");
    ConfSection s = conf.section("s").orElseThrow();
    assertThat(values(s)).containsExactly("exten=1,1,NoOp()", "x=a b", "y=only", ";z=w");
    assertThat(s.first("exten").orElseThrow().object()).isTrue();
    assertThat(s.first("x").orElseThrow().object()).isFalse();
    assertThat(s.first("x").orElseThrow().where())
        .isEqualTo(new ConfLocation(dir.resolve("test.conf"), 3, 4));
  }

  @Test
  void templatesAreInheritedButHidden() throws IOException {
    ConfFile conf =
        read(
            "[base](!)",
            "read = all",
            "[other]",
            "write = call",
            "[user](base,other)",
            "secret = s",
            "[again](!,base)");
    assertThat(conf.sections()).extracting(ConfSection::name).containsExactly("other", "user");
    ConfSection user = conf.section("user").orElseThrow();
    assertThat(values(user)).containsExactly("read=all", "write=call", "secret=s");
    assertThat(user.first("read").orElseThrow().inherited()).isTrue();
    assertThat(user.first("read").orElseThrow().where().line()).isEqualTo(2);
    assertThat(conf.allSections()).extracting(ConfSection::name).contains("base", "again");
  }

  @Test
  void aPlusSectionAddsToTheEarlierOne() throws IOException {
    ConfFile conf = read("[s]", "a = 1", "[t]", "[s](+)", "b = 2");
    assertThat(conf.sections("s")).hasSize(1);
    assertThat(values(conf.section("s").orElseThrow())).containsExactly("a=1", "b=2");
  }

  @Test
  void sectionsOfTheSameNameStaySeparate() throws IOException {
    ConfFile conf = read("[carrier]", "type = aor", "[carrier]", "type = endpoint");
    assertThat(conf.sections("carrier")).hasSize(2);
  }

  @Test
  void inheritingFromAnUnknownSectionRejectsTheFile() throws IOException {
    ConfFile conf = read("[user](missing)", "a = 1");
    assertThat(conf.rejected()).isTrue();
    assertThat(conf.problems().getFirst().what()).contains("[missing]");
  }

  @Test
  void aSettingBeforeAnySectionRejectsTheFile() throws IOException {
    assertThat(read("a = 1", "[s]").rejected()).isTrue();
  }

  @Test
  void aLineWithoutEqualsIsSkippedWithAWarning() throws IOException {
    ConfFile conf = read("[s]", "just words", "a = 1");
    assertThat(values(conf.section("s").orElseThrow())).containsExactly("a=1");
    assertThat(conf.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.rejectsFile()).isFalse());
  }

  @Test
  void includesAreGlobbedFromTheConfigFolderInSortedOrder() throws IOException {
    write("conf.d/b.conf", "[b]", "x = from b");
    write("conf.d/a.conf", "y = into the including section", "[a]", "x = from a");
    write("conf.d/inner.conf", "#include \"conf.d/b.conf\"");
    write("conf.d/skip.txt", "[nope]");
    write("main.conf", "[main]", "#include conf.d/*.conf", "z = back in main");
    ConfFile conf = new ConfReader(dir).read("main.conf").orElseThrow();

    assertThat(conf.sections())
        .extracting(ConfSection::name)
        .containsExactly("main", "a", "b", "b");
    assertThat(values(conf.section("main").orElseThrow()))
        .containsExactly("y=into the including section", "z=back in main");
    assertThat(conf.section("a").orElseThrow().first("x").orElseThrow().where())
        .isEqualTo(new ConfLocation(dir.resolve("conf.d/a.conf"), 3, 1));
    assertThat(conf.files()).first().isEqualTo(dir.resolve("main.conf"));
    assertThat(conf.problems()).isEmpty();
  }

  @Test
  void theFilesOfOneIncludeShareTheBlockCommentState() throws IOException {
    write("d/a.conf", "[a]", "x = 1", ";-- left open");
    write("d/b.conf", "[b]", "--;", "y = 2");
    write("main.conf", "[main]", "#include d/*.conf", "z = 3");
    ConfFile conf = new ConfReader(dir).read("main.conf").orElseThrow();
    assertThat(conf.sections()).extracting(ConfSection::name).containsExactly("main", "a");
    assertThat(values(conf.section("a").orElseThrow())).containsExactly("x=1", "y=2");
    assertThat(values(conf.section("main").orElseThrow())).containsExactly("z=3");
    assertThat(conf.problems()).isEmpty();
  }

  @Test
  void aMissingIncludeRejectsTheFileButAMissingTryincludeDoesNot() throws IOException {
    ConfFile optional = read("[s]", "#tryinclude <local-*.conf>", "#tryinclude nothing.conf");
    assertThat(optional.problems()).isEmpty();
    ConfFile required = read("[s]", "#include nothing.conf");
    assertThat(required.rejected()).isTrue();
    assertThat(required.problems().getFirst().where().line()).isEqualTo(2);
  }

  @Test
  void anIncludeLoopStops() throws IOException {
    write("loop.conf", "[s]", "#include loop.conf");
    ConfFile conf = new ConfReader(dir).read("loop.conf").orElseThrow();
    assertThat(conf.rejected()).isTrue();
    assertThat(conf.files()).hasSize(11);
  }

  @Test
  void aMissingFileIsEmpty() throws IOException {
    assertThat(new ConfReader(dir).read("manager.conf")).isEmpty();
  }
}
