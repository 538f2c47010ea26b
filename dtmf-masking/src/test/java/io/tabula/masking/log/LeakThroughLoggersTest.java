package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.logging.LogLevel;
import io.netty.handler.logging.LoggingHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.asteriskjava.manager.internal.ManagerReaderImpl;
import org.asteriskjava.util.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Pushes every kind of leak through every logger the engine runs (its own, Netty, Asterisk-Java,
 * HikariCP, the PostgreSQL driver through JUL), with each shipped Logback configuration, and
 * asserts on the bytes that reach the console appender.
 */
class LeakThroughLoggersTest {

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PrintStream originalErr = System.err;
  private LoggerContext context;

  static Stream<Arguments> configurations() {
    List<Arguments> all = new ArrayList<>();
    for (String configuration :
        List.of("logback.xml text", "logback.xml json", "logback-json.xml")) {
      for (Leak leak : Leak.all()) {
        all.add(Arguments.of(configuration, leak));
      }
    }
    return all.stream();
  }

  private void configure(String configuration) throws Exception {
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    String[] parts = configuration.split(" ");
    if (parts.length > 1) {
      context.putProperty("TABULA_LOG_FORMAT", parts[1]);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getClassLoader().getResource(parts[0]));
    context.getLogger("org.postgresql").setLevel(Level.DEBUG);
    context.getLogger("com.zaxxer.hikari").setLevel(Level.DEBUG);
  }

  @AfterEach
  void restore() {
    MDC.clear();
    System.setErr(originalErr);
    if (context != null) {
      context.reset();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("configurations")
  void tabulasOwnLoggerMasksMessageArgumentsMdcAndExceptions(String configuration, Leak leak)
      throws Exception {
    configure(configuration);
    Logger log = LoggerFactory.getLogger("io.tabula.engine.CallSession");

    log.info("case-message " + leak.payload());
    log.info("case-argument {}", leak.payload());
    log.warn(
        "case-exception",
        new IOException(leak.payload(), new IllegalStateException(leak.payload())));
    MDC.put("call", leak.payload());
    MDC.put("tenant", leak.payload());
    log.info("case-mdc");
    MDC.clear();
    log.atInfo().addKeyValue("digits", leak.payload()).log("case-kv");

    String out = appended();
    assertThat(out)
        .contains("case-message", "case-argument", "case-exception", "case-mdc", "case-kv");
    assertMasked(out, leak, 4);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("configurations")
  void nettysLoggingHandlerIsMasked(String configuration, Leak leak) throws Exception {
    configure(configuration);
    EmbeddedChannel channel = new EmbeddedChannel(new LoggingHandler(LogLevel.INFO));
    channel.writeInbound("netty-read " + leak.payload());
    channel.pipeline().fireExceptionCaught(new IOException("netty-error " + leak.payload()));
    assertThatThrownBy(channel::checkException).isInstanceOf(IOException.class);
    channel.finishAndReleaseAll();

    String out = appended();
    assertThat(out).contains("netty-read", "netty-error");
    assertMasked(out, leak, 2);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("configurations")
  void asteriskJavasLogFacadeIsMasked(String configuration, Leak leak) throws Exception {
    configure(configuration);
    // Asterisk-Java logs through its own facade, which picks SLF4J when present; its AMI reader
    // logs unknown events with all their attributes, so that is the logger we speak through.
    LogFactory.getLog(ManagerReaderImpl.class)
        .info(
            "No event class registered for event type 'tabulaleakprobe', attributes: {payload="
                + leak.payload()
                + "}");
    LogFactory.getLog(ManagerReaderImpl.class).error("ami-error", new IOException(leak.payload()));

    String out = appended();
    assertThat(out).contains("tabulaleakprobe", "ami-error", "ManagerReaderImpl");
    assertMasked(out, leak, 2);
  }

  /** HikariCP and the driver are slow to fail (they retry); every leak goes in one attempt. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"logback.xml text", "logback.xml json", "logback-json.xml"})
  void hikariPoolFailureIsMasked(String configuration) throws Exception {
    configure(configuration);
    HikariConfig config = new HikariConfig();
    config.setDataSource(new FailingDataSource("hikari-cause " + allPayloads()));
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(250);
    config.setPoolName("leak-probe");
    assertThatThrownBy(() -> new HikariDataSource(config).close())
        .isInstanceOf(RuntimeException.class);

    String out = appended();
    assertThat(out).contains("leak-probe", "hikari-cause");
    for (Leak leak : Leak.all()) {
      assertMasked(out, leak, 1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"logback.xml text", "logback.xml json", "logback-json.xml"})
  void postgresqlDriverLoggingThroughJulIsMasked(String configuration) throws Exception {
    configure(configuration);
    java.util.logging.Logger.getLogger("org.postgresql.core.v3.ConnectionFactoryImpl")
        .log(java.util.logging.Level.WARNING, "pgjdbc-jul " + allPayloads());
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:1/leak?ApplicationName=4000056655665556"
                        + "&connectTimeout=1"))
        .isInstanceOf(SQLException.class);

    String out = appended();
    assertThat(out).contains("pgjdbc-jul", "org.postgresql.Driver", "****5556");
    assertThat(out).doesNotContain("400005665566");
    for (Leak leak : Leak.all()) {
      assertMasked(out, leak, 1);
    }
  }

  private static String allPayloads() {
    return String.join(" ; ", Leak.all().stream().map(Leak::payload).toList());
  }

  private String appended() {
    System.err.flush();
    return console.toString(StandardCharsets.UTF_8);
  }

  private static void assertMasked(String out, Leak leak, int atLeast) {
    String unescaped = out.replace("\\\"", "\"").replace("\\r\\n", "\r\n").replace("\\\\", "\\");
    for (String fragment : leak.forbidden()) {
      assertThat(unescaped).as("leaked %s", leak).doesNotContain(fragment);
    }
    int count = unescaped.split(java.util.regex.Pattern.quote(leak.mask()), -1).length - 1;
    assertThat(count).as("masked %s lines in:%n%s", leak, out).isGreaterThanOrEqualTo(atLeast);
  }
}
