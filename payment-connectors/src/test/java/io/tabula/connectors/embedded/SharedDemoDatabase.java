package io.tabula.connectors.embedded;

/**
 * One embedded server with the demo database for every test class in this JVM that only reads:
 * starting PostgreSQL once keeps the module's test time short. Its shutdown hook stops it when the
 * test JVM exits. Tests that stop the server start their own.
 */
public final class SharedDemoDatabase {

  private static DemoDatabase demo;

  private SharedDemoDatabase() {}

  public static synchronized DemoDatabase get() {
    if (demo == null) {
      demo = DemoDatabase.install(EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults()));
    }
    return demo;
  }
}
