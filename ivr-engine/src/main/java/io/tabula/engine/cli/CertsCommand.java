package io.tabula.engine.cli;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Makes a private CA and the certificates a test or staging deployment needs: one server
 * certificate per service name (PostgreSQL, the gateway simulator) and one client certificate for
 * the engine. Production deployments use the customer's and the processor's real certificates.
 */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a private CA, server certificates and an engine client certificate (PEM).",
      "For test and staging stacks; production uses the customer's own CA."
    })
final class CertsCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, description = "Folder to write the files into.")
  Path out;

  @Option(
      names = "--server",
      split = ",",
      defaultValue = "localhost",
      description = "Service host names, one server certificate each (default: ${DEFAULT-VALUE}).")
  List<String> servers;

  @Option(
      names = "--client",
      defaultValue = "tabula-engine",
      description = "Common name of the engine's client certificate (default: ${DEFAULT-VALUE}).")
  String client;

  @Option(names = "--force", description = "Replace certificates that already exist.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter console = spec.commandLine().getOut();
    Path caFile = out.resolve("ca.crt");
    if (Files.exists(caFile) && !force) {
      console.printf(
          "%s exists; keeping the certificates in %s (use --force to replace).%n", caFile, out);
      console.flush();
      return 0;
    }
    Files.createDirectories(out);
    DevCertificateAuthority ca = DevCertificateAuthority.create("Tabula private CA");
    ca.writeCertificatePem(caFile);
    List<String> written = new ArrayList<>(List.of("ca.crt"));
    for (String server : servers) {
      write(ca.issue(CertificateRequest.server(server, "localhost", "127.0.0.1")), server);
      written.add(server + ".crt/.key");
    }
    IssuedCertificate engine = ca.issue(CertificateRequest.client(client));
    write(engine, "client");
    // pgjdbc reads a client key as PKCS#8 DER.
    Path der = out.resolve("client.pk8");
    Files.write(der, engine.privateKey().getEncoded());
    ownerOnly(der);
    written.add("client.crt/.key/.pk8");
    console.printf("Wrote %s to %s%n", String.join(", ", written), out);
    console.flush();
    return 0;
  }

  private void write(IssuedCertificate certificate, String name) throws IOException {
    Path key = out.resolve(name + ".key");
    certificate.writePem(out.resolve(name + ".crt"), key);
    ownerOnly(key);
  }

  private static void ownerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
