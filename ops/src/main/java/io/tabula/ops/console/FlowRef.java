package io.tabula.ops.console;

import io.tabula.flows.model.FlowNames;

/** A tenant's flow, both names checked so they never leave the store as path parts. */
public record FlowRef(String tenant, String flow) {

  public FlowRef {
    if (!FlowNames.isName(tenant) || !FlowNames.isName(flow)) {
      throw new IllegalArgumentException("not a tenant or flow name; use " + FlowNames.RULE);
    }
  }

  /** The path of the console's pages for this flow. */
  public String path() {
    return "/flows/" + tenant + "/" + flow;
  }

  @Override
  public String toString() {
    return tenant + "/" + flow;
  }
}
