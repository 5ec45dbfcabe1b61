package river.node.ws;

/**
 * How much unanswered work the node accepts: requests and request bytes in flight, per connection
 * and over the whole node. Why both: a connection's window keeps one client from queueing unbounded
 * work, and the node's keeps many connections together (each within its own window) from holding
 * more decoded requests than the heap has room for.
 */
public record InFlightLimits(
    int requestsPerConnection, long bytesPerConnection, int requestsPerNode, long bytesPerNode) {
  public static final InFlightLimits DEFAULT = new InFlightLimits(256, 16L << 20, 8192, 64L << 20);
}
