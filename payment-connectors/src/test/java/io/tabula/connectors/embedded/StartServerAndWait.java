package io.tabula.connectors.embedded;

import java.io.IOException;

/**
 * A child JVM for {@link EmbeddedPostgresTest}: starts a server, prints its pid and waits to be
 * killed, so the test can prove that killing the JVM (SIGKILL, no shutdown hook) kills the server.
 */
public final class StartServerAndWait {

  private StartServerAndWait() {}

  public static void main(String[] args) throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
    System.out.println("root=" + postgres.root());
    System.out.println("pid=" + postgres.pid());
    System.out.flush();
    // Blocks until the parent kills this JVM.
    System.in.read();
  }
}
