/**
 * The sans-I/O engines of a tab: {@link river.engine.TabSession} (load flow, save engine, live
 * ROOMS, pushes, migration markers) behind one host interface.
 *
 * <p>Host contract (browser or test driver), single-threaded:
 *
 * <ol>
 *   <li>Create {@code new TabSession(new TabConfig(currentDelegateKey, legacyKeysNewestFirst), new
 *       CborRoomsCodec(), clock, new SeededRandom(seed))}, set a listener, call {@code start()}.
 *   <li>After every call into the session, send what {@code drainOutgoing()} returns: for a
 *       request, a frame {@code {"id": id, "op": out.op()}} (the engines emit the wire {@code
 *       Op.Delegate} themselves: delegate key and {@code DelegateRequest}); for a wakeup, a timer
 *       that calls {@code onWakeup(id)} at {@code wakeupAt()}.
 *   <li>Answer every request id exactly once: {@code onResponse(id, delegateResponse)} for an ok
 *       frame (the {@code DelegateResponse} of its {@code OpResult.Delegate}), or {@code
 *       onError(id, code, message)} for an error frame, and with the host's own codes {@code
 *       "timeout"} (no answer in time) and {@code "disconnected"} (the connection was lost). An ok
 *       frame that is not a delegate result is an error ({@code "invalid"}). Each engine checks
 *       that the response is of the type it asked for; any other type fails that one request. An
 *       unanswered request stalls that save pass.
 *   <li>Forward {@code DelegateKeyChanged} pushes to {@code onKeyChanged(delegate, key, gen,
 *       value)} (value null when the push carries none); after a reconnect call {@code resync()}.
 *   <li>User actions: {@code createRoom}, {@code join} (accept invitation / import identity),
 *       {@code leave}, {@code setNickname}, {@code markRead}, {@code setMode}, {@code
 *       setCurrentRoom}, {@code setOrder}; allowed once the load state is MIGRATING or LOADED.
 *       Hydrate rooms that appear in {@code onRoomsChanged(before, after)}.
 * </ol>
 */
package river.engine;
