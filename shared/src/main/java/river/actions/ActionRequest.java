package river.actions;

import river.wire.Op;

/** One node request an action wants sent; its answer must come back with the same id. */
public final class ActionRequest {
  public final long id;
  public final Op op;

  ActionRequest(long id, Op op) {
    this.id = id;
    this.op = op;
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return "#" + id + " " + op;
  }
}
