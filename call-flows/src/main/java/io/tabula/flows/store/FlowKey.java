package io.tabula.flows.store;

import io.tabula.flows.model.FlowNames;

/**
 * A tenant's flow, as the AGI path names it: {@code city/parking-ticket}.
 *
 * @throws IllegalArgumentException when the tenant or flow is not a name ({@link FlowNames})
 */
public record FlowKey(String tenant, String flow) {

  public FlowKey {
    for (String value : new String[] {tenant, flow}) {
      if (value == null || !FlowNames.isName(value)) {
        throw new IllegalArgumentException(
            "'" + value + "' is not a tenant or flow name; use " + FlowNames.RULE);
      }
    }
  }

  @Override
  public String toString() {
    return tenant + "/" + flow;
  }
}
