/**
 * The chat delegate on the node.
 *
 * <ul>
 *   <li>{@link river.node.delegate.DelegateHost}: the {@code OpHandler} for {@code Op.Delegate}
 *       (current delegate: envelope + CAS; legacy delegate: plain KV; anything else: {@code
 *       unknown_delegate}), limits, and the {@code DelegateKeyChanged} pushes.
 * </ul>
 *
 * <p>To talk to a real node from a test (or to run the rooms save engine against it), use {@code
 * WsClient} (in the jar's tools): request ids and futures, a push queue, raw frames, and blocking
 * helpers for every delegate request ({@code c.on(DelegateKeys.legacy())} for the legacy one).
 * Error codes: {@code too_large} (frame, key, value, in-flight limit), {@code malformed} (not CBOR,
 * wrong shape, text frame), {@code unknown_op} (unknown op or request, and GetVersioned/CasStore on
 * the legacy delegate), {@code unknown_delegate}, {@code unavailable} (the storage failed
 * underneath, or the node is shutting down; nothing written, try again), {@code internal} (anything
 * else; nothing acknowledged). Failures become codes in one place, {@link
 * river.node.ws.ErrorTranslation}.
 */
package river.node.delegate;
