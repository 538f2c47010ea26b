package io.tabula.ops.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.validate.ConnectorCatalog;
import io.tabula.flows.validate.FlowCompiler;
import io.tabula.flowstore.PostgresFlowStore;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.audit.AuditTrailException;
import io.tabula.ops.access.oidc.OidcSignIn;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The ops console: a Javalin (Jetty 12) server on HTTPS only, its pages rendered by jte, enhanced
 * by htmx. It works on the flow store folder the engines read, so a publish goes live without a
 * restart.
 *
 * <pre>{@code
 * try (ConsoleServer console = ConsoleServer.start(options, access, connectors, clock)) {
 *   System.out.println(console.url());
 * }
 * }</pre>
 */
public final class ConsoleServer implements AutoCloseable {

  static final String TRAIL_DOWN =
      "The audit trail cannot be written, so nothing was changed (no draft saved, nothing"
          + " published or rolled back, no sign-in). Ask an admin to check the access database,"
          + " then try again.";
  static final String OUTCOME_UNRECORDED =
      "The change was made, but the audit trail could not record how it ended (its attempt is"
          + " recorded). Look at the flow's history before trying again, and ask an admin to check"
          + " the access database.";

  private final Javalin app;
  private final Softphones softphones;
  private final WatchPage watch;
  private final String host;
  private final Optional<PostgresFlowStore> sharedStore;

  private ConsoleServer(
      Javalin app,
      Softphones softphones,
      WatchPage watch,
      String host,
      Optional<PostgresFlowStore> sharedStore) {
    this.app = app;
    this.softphones = softphones;
    this.watch = watch;
    this.host = host;
    this.sharedStore = sharedStore;
  }

  /** The drafts in {@code options.store()}, the versions there or in {@code shared}. */
  private static FlowLibrary library(
      ConsoleOptions options,
      Optional<PostgresFlowStore> shared,
      ConnectorCatalog catalog,
      Clock clock) {
    return shared
        .map(store -> new FlowLibrary(options.store(), store, catalog, options.sounds()))
        .orElseGet(() -> new FlowLibrary(options.store(), catalog, clock, options.sounds()));
  }

  /** The shared store when the options name one, opened (its pool closes with the console). */
  private static Optional<PostgresFlowStore> sharedStore(
      ConsoleOptions options, ConnectorCatalog catalog) {
    if (options.sharedStore().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          PostgresFlowStore.open(options.sharedStore().get(), new FlowCompiler(catalog)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e.getMessage(), e);
    }
  }

  public static ConsoleServer start(
      ConsoleOptions options, AccessControl access, Connectors connectors, Clock clock) {
    return start(options, access, connectors, clock, Optional.empty());
  }

  /** As above, with the call journal's page reading {@code journal} (docs/journal.md). */
  public static ConsoleServer start(
      ConsoleOptions options,
      AccessControl access,
      Connectors connectors,
      Clock clock,
      Optional<ConsoleJournal> journal) {
    return start(options, access, connectors, clock, journal, Optional.empty());
  }

  /**
   * With single sign-on through {@code sso} (its redirect URI is this console's /oidc/callback).
   */
  public static ConsoleServer start(
      ConsoleOptions options,
      AccessControl access,
      Connectors connectors,
      Clock clock,
      Optional<ConsoleJournal> journal,
      Optional<OidcSignIn> sso) {
    Optional<PostgresFlowStore> shared = sharedStore(options, ConnectorCatalog.of(connectors));
    FlowLibrary library = library(options, shared, ConnectorCatalog.of(connectors), clock);
    Sessions sessions = new Sessions(clock, access.settings().sessions().maximum());
    Softphones softphones = new Softphones(connectors, clock, options.sounds(), options.store());
    Templates templates = new Templates();
    Assets assets = Assets.fromClasspath();
    ConsoleAudit audit = new ConsoleAudit(access);
    WebSecurity security = new WebSecurity(sessions, access.sessions(), audit);
    FlowPages flowPages = new FlowPages(library, templates, assets, audit);
    WatchPage watch =
        new WatchPage(
            new MetricsScraper(options.engines(), options.engineToken()),
            templates,
            flowPages,
            clock);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/assets";
                    files.directory = "/console-assets";
                    files.location = Location.CLASSPATH;
                  });
              config.staticFiles.enableWebjars();
              config.jetty.addConnector(
                  (server, http) -> {
                    SslContextFactory.Server tls = new SslContextFactory.Server();
                    tls.setSslContext(options.certificate().serverContext());
                    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                    HttpConfiguration https = new HttpConfiguration(http);
                    https.addCustomizer(new SecureRequestCustomizer());
                    ServerConnector connector =
                        new ServerConnector(
                            server,
                            new SslConnectionFactory(tls, "http/1.1"),
                            new HttpConnectionFactory(https));
                    connector.setHost(options.address());
                    connector.setPort(options.port());
                    return connector;
                  });
              config.routes.before(security::before);
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) ->
                      ctx.status(e.getStatus())
                          .contentType("text/plain; charset=utf-8")
                          .result(e.getMessage()));
              config.routes.exception(RefusedRequest.class, (e, ctx) -> refuse(audit, e, ctx));
              config.routes.exception(
                  AuditTrailException.class,
                  (e, ctx) ->
                      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                          .contentType("text/plain; charset=utf-8")
                          .result(TRAIL_DOWN));
              config.routes.exception(
                  ConsoleAudit.UnrecordedOutcomeException.class,
                  (e, ctx) ->
                      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                          .contentType("text/plain; charset=utf-8")
                          .result(OUTCOME_UNRECORDED));
              new LoginPages(
                      access, audit, sessions, softphones, templates, assets, sso.isPresent())
                  .routes(config.routes);
              sso.ifPresent(
                  oidc ->
                      new OidcPages(oidc, audit, sessions, access.settings().clock())
                          .routes(config.routes));
              new SignInSteps(access, audit, sessions, templates, assets).routes(config.routes);
              flowPages.routes(config.routes);
              new TrailPages(access, audit, templates, assets).routes(config.routes);
              new TryPages(library, softphones, templates, flowPages).routes(config.routes);
              new PublishPages(library, templates, flowPages, audit, access.twoPersonPublishing())
                  .routes(config.routes);
              watch.routes(config.routes);
              new JournalPages(journal, access, templates, flowPages, audit, clock)
                  .routes(config.routes);
            });
    app.start();
    return new ConsoleServer(app, softphones, watch.sampling(), options.address(), shared);
  }

  /**
   * Answers a refused request and records it; when the trail cannot take the record the request is
   * still refused, with 503 saying the trail is down.
   */
  private static void refuse(ConsoleAudit audit, RefusedRequest refused, Context ctx) {
    ctx.status(refused.status())
        .contentType("text/plain; charset=utf-8")
        .result(refused.getMessage());
    try {
      audit.denied(ctx, refused.reason());
    } catch (AuditTrailException e) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result(TRAIL_DOWN);
    }
  }

  /** The port it listens on (the one picked, for port 0). */
  public int port() {
    return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
  }

  /** The address to open in a browser; loopback is called localhost, as the certificate says. */
  public URI url() {
    String name =
        host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost")
            ? "localhost"
            : host;
    return URI.create("https://" + name + ":" + port() + "/");
  }

  @Override
  public void close() {
    app.stop();
    watch.close();
    softphones.close();
    sharedStore.ifPresent(PostgresFlowStore::close);
  }
}
