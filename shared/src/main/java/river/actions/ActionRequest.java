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

  @Override
  public String toString() {
    return "#" + id + " " + op;
  }
}
