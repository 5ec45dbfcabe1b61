/**
 * The sans-I/O engines of a tab: {@link river.engine.TabSession} (load flow, save engine, live
 * ROOMS, pushes, migration markers) behind one host interface.
 *
 * <p>Host contract (browser or test driver), single-threaded:
 * <ol>
 *   <li>Create {@code new TabSession(new TabConfig(currentDelegateKey, legacyKeysNewestFirst),
 *       new CborRoomsCodec(), clock, new SeededRandom(seed))}, set a listener, call
 *       {@code start()}.
 *   <li>After every call into the session, send what {@code drainOutgoing()} returns: for a
 *       request, a frame {@code {"id": id, "op": WireAdapter.toWire(op)}}; for a wakeup, a timer
 *       that calls {@code onWakeup(id)} at {@code wakeupAt()}.
 *   <li>Answer every request id exactly once: {@code onReply(id, WireAdapter.fromWire(resp))},
 *       or {@code onReply(id, WireAdapter.fromError(code, message))} for an error frame, a
 *       timeout or a lost connection. An unanswered request stalls that save pass.
 *   <li>Forward {@code DelegateKeyChanged} pushes to {@code onKeyChanged(delegate, key, gen)};
 *       after a reconnect call {@code resync()}.
 *   <li>User actions: {@code createRoom}, {@code join} (accept invitation / import identity),
 *       {@code leave}, {@code setNickname}, {@code markRead}, {@code setMode},
 *       {@code setCurrentRoom}, {@code setOrder}; allowed once the load state is MIGRATING or
 *       LOADED. Hydrate rooms that appear in {@code onRoomsChanged(before, after)}.
 * </ol>
 */
package river.engine;
