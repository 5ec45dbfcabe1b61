/**
 * The node's durable key-value substrate for the chat delegate, on SQLite.
 *
 * <ul>
 *   <li>{@link river.node.store.DelegateStore}: {@code open(dataDir)} (locks the directory), {@code
 *       openReadOnly(dataDir)} (for {@code inspect}, no lock), {@code read}, {@code update} (atomic
 *       read-modify-write run on the single writer thread, acknowledged after a group commit),
 *       {@code listKeys}, {@code createUser}/{@code lookupUser} (SHA-256 of the token only), {@code
 *       close}.
 *   <li>{@link river.node.store.Mutation}: what an update function decides (put / delete / none)
 *       plus the result handed back.
 *   <li>Errors: {@link river.node.store.TooLargeException} (limits, before any database work),
 *       {@link river.node.store.DataDirLockedException} (second node on a data directory; print its
 *       message), {@link river.node.store.CorruptRowException}, {@link
 *       river.node.store.StoreException}, {@link river.node.store.StoreClosedException}.
 * </ul>
 *
 * <p>The store never interprets values: the versioned envelope and the CAS rule are pure functions
 * in {@code shared} ({@code river.store}) that the node runs inside {@code update}.
 */
package river.node.store;
