package river.actions;

import river.room.RoomState;
import river.wire.Op;
import river.wire.OpResult;

/**
 * A node as the actions tests need it: answer one request of a user (or throw {@link
 * river.wire.WireException} as the node refuses), tell the key it holds for a user in a room and
 * the room's state, and its clock. {@link ModelNode} is the fast model; the webapp's tests answer
 * from a real node over WebSockets, so the same scenarios run against both.
 */
public interface NodeAnswers {
  OpResult answer(String user, Op op);

  /** The public key the node holds for {@code user} in {@code room}, or null. */
  byte[] heldKey(String user, byte[] room);

  /** The room's state as the node holds it, or null when it has none. */
  RoomState room(byte[] key);

  long now();

  /**
   * Moves the clock the tabs act by ({@link #now}) on by {@code millis}, as if that much time
   * passed. The model's is its contract clock too; a real node keeps its own (the tabs' is then
   * ahead of it, by far less than the contract's five minutes for a message's time).
   */
  void advance(long millis);

  /**
   * Stops the node and starts it again on its data; every connection is lost (the caller cuts the
   * tabs first). The model keeps everything it acknowledged, so for it this is nothing.
   */
  default void restart() {}

  /** A new profile's token, as {@code POST /v1/profiles} mints it. */
  String newProfile();
}
