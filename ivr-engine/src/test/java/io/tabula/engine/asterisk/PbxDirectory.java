package io.tabula.engine.asterisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of one Asterisk run, all under one scratch root, and the {@code asterisk.conf} that
 * names them: {@code etc/} (its configuration), {@code data/} (documentation link and {@code
 * sounds/}), {@code lib/}, {@code db/} (astdb), {@code spool/} (MixMonitor writes to {@code
 * spool/monitor}), {@code run/} (the control socket), {@code log/}.
 *
 * <pre>{@code
 * PbxDirectory dir = PbxDirectory.create(root, install);
 * Files.writeString(dir.etc().resolve("extensions.conf"), ...);
 * }</pre>
 */
record PbxDirectory(Path root) {

  static PbxDirectory create(Path root, AsteriskInstall install) throws IOException {
    PbxDirectory dir = new PbxDirectory(root.toAbsolutePath());
    for (Path folder :
        new Path[] {
          dir.etc(), dir.data(), dir.lib(), dir.db(), dir.monitor(), dir.run(), dir.log()
        }) {
      Files.createDirectories(folder);
    }
    // What Asterisk's 'make install' creates and its CDR and CEL file backends expect to exist.
    Files.createDirectories(dir.log().resolve("cdr-csv"));
    Files.createDirectories(dir.log().resolve("cel-custom"));
    Files.createSymbolicLink(dir.data().resolve("documentation"), install.documentation());
    Files.writeString(
        dir.asteriskConf(),
        """
        [directories]
        astetcdir => %s
        astmoddir => %s
        astdatadir => %s
        astvarlibdir => %s
        astdbdir => %s
        astkeydir => %s
        astspooldir => %s
        astrundir => %s
        astlogdir => %s
        [options]
        """
            .formatted(
                dir.etc(),
                install.modules(),
                dir.data(),
                dir.lib(),
                dir.db(),
                dir.lib(),
                dir.spool(),
                dir.run(),
                dir.log()));
    return dir;
  }

  Path asteriskConf() {
    return etc().resolve("asterisk.conf");
  }

  Path etc() {
    return root.resolve("etc");
  }

  Path data() {
    return root.resolve("data");
  }

  Path sounds() {
    return data().resolve("sounds");
  }

  Path lib() {
    return root.resolve("lib");
  }

  Path db() {
    return root.resolve("db");
  }

  Path spool() {
    return root.resolve("spool");
  }

  Path monitor() {
    return spool().resolve("monitor");
  }

  Path run() {
    return root.resolve("run");
  }

  Path log() {
    return root.resolve("log");
  }
}
