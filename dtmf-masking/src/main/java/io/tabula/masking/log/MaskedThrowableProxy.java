package io.tabula.masking.log;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.function.UnaryOperator;

/**
 * An exception as encoders must see it: its message and the messages of its causes and suppressed
 * exceptions masked. Stack frames name code (class, method, file, line), never data, and are kept.
 */
final class MaskedThrowableProxy implements IThrowableProxy {

  private final IThrowableProxy original;
  private final UnaryOperator<String> masker;

  MaskedThrowableProxy(IThrowableProxy original, UnaryOperator<String> masker) {
    this.original = original;
    this.masker = masker;
  }

  @Override
  public String getMessage() {
    return masker.apply(original.getMessage());
  }

  @Override
  public String getClassName() {
    return original.getClassName();
  }

  @Override
  public StackTraceElementProxy[] getStackTraceElementProxyArray() {
    return original.getStackTraceElementProxyArray();
  }

  @Override
  public int getCommonFrames() {
    return original.getCommonFrames();
  }

  @Override
  public IThrowableProxy getCause() {
    IThrowableProxy cause = original.getCause();
    return cause == null ? null : new MaskedThrowableProxy(cause, masker);
  }

  @Override
  public IThrowableProxy[] getSuppressed() {
    IThrowableProxy[] suppressed = original.getSuppressed();
    if (suppressed == null) {
      return null;
    }
    IThrowableProxy[] masked = new IThrowableProxy[suppressed.length];
    for (int i = 0; i < suppressed.length; i++) {
      masked[i] = new MaskedThrowableProxy(suppressed[i], masker);
    }
    return masked;
  }

  @Override
  public boolean isCyclic() {
    return original.isCyclic();
  }
}
