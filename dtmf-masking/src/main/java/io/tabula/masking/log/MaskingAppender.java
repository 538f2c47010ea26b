package io.tabula.masking.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import io.tabula.masking.keys.KeyLineMasker;
import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * The masking layer of the Logback configuration: every event passes through here before any
 * encoder sees it, whichever logger made it (ours, Netty, Asterisk-Java, HikariCP, the PostgreSQL
 * driver through the JUL bridge). The message, its arguments, MDC values, key-value pairs and the
 * exception chain (messages of causes and suppressed exceptions) are masked by {@link LogMasker},
 * and the key a caller pressed in a DTMF, AGI, SIP INFO or RFC 4733 line by {@link KeyLineMasker};
 * the attached appenders receive only the masked event.
 *
 * <pre>{@code
 * <appender name="masked" class="io.tabula.masking.log.MaskingAppender">
 *   <appender-ref ref="console"/>
 * </appender>
 * <root level="INFO"><appender-ref ref="masked"/></root>
 * }</pre>
 *
 * <p>Attach real appenders only here, never to a logger directly: an appender outside this one is
 * outside the masking layer.
 */
public final class MaskingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();

  /**
   * Keys pressed one per line are masked first (a card keyed that way is not a number any line
   * holds, see {@link KeyLineMasker}), then every secret a line holds.
   */
  private final UnaryOperator<String> masker =
      text -> LogMasker.standard().mask(KeyLineMasker.mask(text));

  @Override
  public void start() {
    if (!appenders.iteratorForAppenders().hasNext()) {
      addError(
          "MaskingAppender \""
              + getName()
              + "\" has no appender to pass events to: add an <appender-ref> inside it.");
      return;
    }
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    appenders.detachAndStopAllAppenders();
  }

  @Override
  protected void append(ILoggingEvent event) {
    appenders.appendLoopOnAppenders(new MaskedLoggingEvent(event, masker));
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    appenders.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return appenders.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return appenders.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return appenders.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return appenders.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return appenders.detachAppender(name);
  }
}
