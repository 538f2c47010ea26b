package io.tabula.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tabula tenants}: the tenant files that give serve its databases and gateways. */
@Command(
    name = "tenants",
    mixinStandardHelpOptions = true,
    description =
        "Tenant files: each tenant's database lookups and card gateway (docs/tenants.md).",
    subcommands = {TenantsCheckCommand.class})
final class TenantsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
