package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CertsCommandTest {

  private final StringWriter out = new StringWriter();

  private int certs(String... args) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    return commandLine.execute(args);
  }

  @Test
  void writesACaServerCertificatesAndAClientKeyPgjdbcCanRead(@TempDir Path folder)
      throws Exception {
    assertThat(certs("certs", "--out", folder.toString(), "--server", "postgres,gateway")).isZero();

    X509Certificate ca = read(folder.resolve("ca.crt"));
    X509Certificate postgres = read(folder.resolve("postgres.crt"));
    postgres.verify(ca.getPublicKey());
    List<Object> names = new ArrayList<>();
    postgres.getSubjectAlternativeNames().forEach(name -> names.add(name.get(1)));
    assertThat(names).contains("postgres");
    assertThat(folder.resolve("gateway.key")).exists();
    KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(folder.resolve("client.pk8"))));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("client.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aSecondRunKeepsWhatExists(@TempDir Path folder) throws Exception {
    certs("certs", "--out", folder.toString());
    byte[] first = Files.readAllBytes(folder.resolve("ca.crt"));

    assertThat(certs("certs", "--out", folder.toString())).isZero();

    assertThat(Files.readAllBytes(folder.resolve("ca.crt"))).isEqualTo(first);
    assertThat(out.toString()).contains("use --force to replace");
  }

  private static X509Certificate read(Path pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
  }
}
