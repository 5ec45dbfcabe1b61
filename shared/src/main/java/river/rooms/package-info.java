/**
 * The user's rooms as stored in the chat delegate (RoomData, RoomSlot, RoomsMeta, Rooms and their
 * CBOR encodings) and every pure decision about them: per-field merge, the reconcile truth table,
 * slot diffing, the three-way meta merge, the load plan, rebuilding and exploding, the ranked
 * legacy merge, rejoin flags. No I/O; used by river.engine.
 */
package river.rooms;
