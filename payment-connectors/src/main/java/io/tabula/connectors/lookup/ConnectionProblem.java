package io.tabula.connectors.lookup;

import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why a connection to a tenant database was refused, each with what to do about it. Recognised from
 * the exception chain of the JDK's TLS stack and pgjdbc.
 */
public enum ConnectionProblem {
  EXPIRED_CERTIFICATE(
      true,
      "the server's certificate (or its CA) has expired or is not yet valid; renew it on the"
          + " database server"),
  UNKNOWN_CA(
      true,
      "the server's certificate is not signed by the tenant's CA (tls.caCertificate); configure"
          + " the CA that issued the database's certificate"),
  HOST_NAME_MISMATCH(
      true,
      "the server's certificate does not name the host Tabula connects to; connect with a name"
          + " listed in the certificate or reissue the certificate for this host"),
  OLD_TLS_PROTOCOL(
      true,
      "the server offers no TLS 1.2 or 1.3; enable them on the server (PostgreSQL:"
          + " ssl_min_protocol_version = 'TLSv1.2')"),
  NO_TLS(
      true,
      "the server does not offer TLS at all and Tabula never falls back to plaintext; switch TLS"
          + " on at the server (PostgreSQL: ssl = on)"),
  OTHER_TLS(true, "the TLS handshake failed; check the server's TLS setup and the tenant's CA"),
  UNREACHABLE(false, "the database does not accept connections; check host, port and firewall"),
  TIMED_OUT(
      false,
      "the database did not complete the connection within database.limits.connect; check that"
          + " host and port are the PostgreSQL server's and that nothing drops the packets, or"
          + " raise the limit"),
  LOGIN_FAILED(false, "the database refused the login; check user, password and pg_hba rules"),
  OTHER(
      false,
      "the database connection failed for a reason Tabula does not recognise; the database"
          + " server's log says why");

  private final boolean tls;
  private final String advice;

  ConnectionProblem(boolean tls, String advice) {
    this.tls = tls;
    this.advice = advice;
  }

  public boolean isTls() {
    return tls;
  }

  public String advice() {
    return advice;
  }

  /** The most specific problem found anywhere in the cause chain. */
  static ConnectionProblem ofChain(Throwable error) {
    ConnectionProblem best = OTHER;
    for (Throwable t = error; t != null; t = t.getCause()) {
      ConnectionProblem found = of(t);
      if (found.ordinal() < best.ordinal()) {
        best = found;
      }
    }
    return best;
  }

  private static ConnectionProblem of(Throwable t) {
    String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    if (t instanceof CertificateExpiredException
        || t instanceof CertificateNotYetValidException
        || (t instanceof CertPathValidatorException cpv
            && cpv.getReason() == CertPathValidatorException.BasicReason.EXPIRED)) {
      return EXPIRED_CERTIFICATE;
    }
    if (t instanceof CertPathBuilderException) {
      return UNKNOWN_CA;
    }
    if (t instanceof CertificateException
        && (message.contains("no subject alternative") || message.contains("no name matching"))) {
      return HOST_NAME_MISMATCH;
    }
    if (t instanceof SQLException && message.contains("hostnameverifier")) {
      return HOST_NAME_MISMATCH;
    }
    if (t instanceof SQLException && message.contains("does not support ssl")) {
      return NO_TLS;
    }
    if (t instanceof SSLHandshakeException
        && (message.contains("protocol_version")
            || message.contains("no appropriate protocol")
            || message.contains("not accepted by client preferences"))) {
      return OLD_TLS_PROTOCOL;
    }
    if (t instanceof SSLHandshakeException) {
      return OTHER_TLS;
    }
    if (t instanceof ConnectException) {
      return UNREACHABLE;
    }
    // pgjdbc's loginTimeout ends the attempt with SQLSTATE 08001 and no cause; a socket read or
    // connect that runs out of time is a SocketTimeoutException.
    if (t instanceof java.net.SocketTimeoutException
        || (t instanceof SQLException sql
            && "08001".equals(sql.getSQLState())
            && message.contains("timed out"))) {
      return TIMED_OUT;
    }
    if (t instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("28")) {
      return LOGIN_FAILED;
    }
    return OTHER;
  }
}
