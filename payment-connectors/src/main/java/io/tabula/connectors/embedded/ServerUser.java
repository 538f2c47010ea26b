package io.tabula.connectors.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who the PostgreSQL processes run as. PostgreSQL refuses to run as root, and CI machines and many
 * container builds run as root; then every PostgreSQL command goes through util-linux {@code
 * setpriv} as {@code nobody:nogroup}, and the folders it writes are handed to that user. In every
 * case {@code setpriv --pdeathsig SIGKILL} ties the server's life to the JVM thread that started
 * it, so no server outlives the JVM even when the JVM is killed.
 */
record ServerUser(boolean isRoot) {

  static final String USER = "nobody";
  static final String GROUP = "nogroup";

  static ServerUser detect() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return new ServerUser(Integer.valueOf(0).equals(uid));
    } catch (IOException | UnsupportedOperationException e) {
      return new ServerUser("root".equals(System.getProperty("user.name")));
    }
  }

  /** The command, prefixed so that it runs unprivileged and dies with the JVM. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>();
    wrapped.add("setpriv");
    if (isRoot) {
      wrapped.addAll(List.of("--reuid=" + USER, "--regid=" + GROUP, "--clear-groups"));
    }
    wrapped.addAll(List.of("--pdeathsig", "SIGKILL", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Hands a folder tree to the server user (a no-op when not root). */
  void own(Path root) {
    if (!isRoot) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
      UserPrincipal user = lookup.lookupPrincipalByName(USER);
      GroupPrincipal group = lookup.lookupPrincipalByGroupName(GROUP);
      for (Path path : paths.toList()) {
        PosixFileAttributeView view =
            Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not hand "
              + root
              + " to "
              + USER
              + ":"
              + GROUP
              + "; PostgreSQL refuses to run as root, so the JVM must be able to chown",
          e);
    }
  }
}
