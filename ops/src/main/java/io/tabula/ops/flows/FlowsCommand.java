package io.tabula.ops.flows;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tabula flows}: the tools ops use on flow files.
 *
 * <pre>
 * tabula flows validate flows/
 * tabula flows simulate flows/city/parking-ticket.yaml --keys "12345678# 1 4242424242424242# 1230 123"
 * tabula flows graph flows/city/parking-ticket.yaml --out build/
 * tabula flows publish flows/city/parking-ticket.yaml --store /var/lib/tabula/flows
 * </pre>
 */
@Command(
    name = "flows",
    mixinStandardHelpOptions = true,
    description = "Validate, simulate, draw and publish call flows.",
    subcommands = {
      ValidateFlowsCommand.class,
      SimulateFlowCommand.class,
      GraphFlowCommand.class,
      PublishFlowCommand.class
    })
public final class FlowsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
