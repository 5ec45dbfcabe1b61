package river.node;

import river.node.contract.ContractHost;
import river.node.ws.InFlightLimits;

/**
 * The caps on what clients can make the node hold (README "Node command line"): requests in flight
 * ({@link InFlightLimits}) and room subscriptions per connection and per node. Tests start nodes
 * with small ones to reach them quickly.
 */
public record NodeLimits(
    InFlightLimits inFlight, int subscriptionsPerConnection, int subscriptionsPerNode) {
  public static final NodeLimits DEFAULT =
      new NodeLimits(
          InFlightLimits.DEFAULT,
          ContractHost.SUBSCRIPTIONS_PER_CONNECTION,
          ContractHost.SUBSCRIPTIONS_PER_NODE);
}
