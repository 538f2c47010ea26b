package io.tabula.connectors.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A process that owns a temporary folder under the given directory, prints its path and waits to be
 * interrupted (SIGINT, as Ctrl-C sends): {@link OwnedTempFolderTest}'s other process.
 */
final class OwnedTempFolderChild {

  private OwnedTempFolderChild() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.io.tmpdir", Path.of(args[0]).toString());
    OwnedTempFolder folder = OwnedTempFolder.create("tabula-demo-");
    System.out.println(folder.path());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
