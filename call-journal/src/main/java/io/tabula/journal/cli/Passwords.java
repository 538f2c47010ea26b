package io.tabula.journal.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** A key file's password: from {@code --password-file}, else asked on the terminal (not echoed). */
final class Passwords {

  private Passwords() {}

  static char[] read(Optional<Path> file, String prompt, boolean twice) {
    if (file.isPresent()) {
      try {
        return Files.readString(file.get(), StandardCharsets.UTF_8).strip().toCharArray();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read the password file " + file.get() + "; check the path");
      }
    }
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException(
          "no terminal to ask the password on; give it with --password-file FILE");
    }
    char[] password = console.readPassword("%s: ", prompt);
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("no password given; the key file needs one");
    }
    if (twice) {
      char[] again = console.readPassword("Again: ");
      boolean same = Arrays.equals(password, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(password, '\0');
        throw new IllegalArgumentException("the two passwords differ; run keygen again");
      }
    }
    return password;
  }
}
