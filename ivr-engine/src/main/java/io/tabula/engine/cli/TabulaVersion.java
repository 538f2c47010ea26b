package io.tabula.engine.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development build" when run from the IDE. */
final class TabulaVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = TabulaVersion.class.getPackage().getImplementationVersion();
    return new String[] {
      "Tabula " + (version == null ? "development build" : version), "Java " + Runtime.version()
    };
  }
}
