/**
 * The room actions engine, sans I/O, beside {@link river.engine.TabSession}: create a room, invite,
 * join (accept an invitation), set a nickname, rename or edit the settings, ban, compose a message.
 * Each action is a short chain of node requests (wire {@link river.wire.Op}s, emitted through
 * {@link river.actions.ActionLink} and answered by the host) and, in private rooms, sealing through
 * the host's {@link river.actions.Cipher} port. The decisions (what to check first, which identity
 * wins, what a user reads when something is refused) live here with unit tests; the browser keeps
 * only the DOM, WebCrypto and the bridge. Single-threaded by contract.
 */
package river.actions;
