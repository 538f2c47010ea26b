package io.tabula.masking.audit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from a file (compressed bytes, for gzip) and reports them as progress. */
final class CountingInputStream extends FilterInputStream {

  private final AuditListener listener;
  private long count;

  CountingInputStream(InputStream in, AuditListener listener) {
    super(in);
    this.listener = listener;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  private void advance(long n) {
    count += n;
    listener.progress(n);
  }
}
