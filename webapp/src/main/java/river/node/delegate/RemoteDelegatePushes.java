package river.node.delegate;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import river.node.store.DelegateStore;
import river.node.store.StoreChange;
import river.node.ws.ClientConnection;
import river.node.ws.ConnectionRegistry;
import river.store.DelegateKeys;
import river.store.Envelope;
import river.wire.Event;
import river.wire.Push;
import river.wire.WireCodec;

/**
 * Delegate writes made on <em>other</em> nodes of the same database become {@code
 * DelegateKeyChanged} pushes to this node's connections of that user (the writing node already
 * pushed to its own). The announcement says only which key changed: the generation and the value
 * are read here (the value carried up to {@link DelegateHost#PUSH_VALUE_BYTES}, as the writing
 * node's pushes carry it), so a push never carries a generation older than the database's. After
 * the announcement channel was lost ({@link StoreChange#RESYNC}) every key of every connected user
 * is pushed again at its current generation; tabs ignore generations they already hold.
 */
public final class RemoteDelegatePushes {
  private static final byte[] CURRENT = DelegateKeys.current();
  private static final byte[] LEGACY = DelegateKeys.legacy();

  private final DelegateStore store;
  private final ConnectionRegistry registry;

  public RemoteDelegatePushes(DelegateStore store, ConnectionRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** Registers with the store; called once at node start. */
  public void attach() {
    store.onRemoteChange(this::onChange);
  }

  void onChange(StoreChange change) {
    if (change.isResync()) {
      for (String user : registry.users()) {
        resync(user, CURRENT);
        resync(user, LEGACY);
      }
      return;
    }
    boolean current = Arrays.equals(change.delegate(), CURRENT);
    if (!current && !Arrays.equals(change.delegate(), LEGACY)) {
      return; // signing keys and room states: not a delegate key of a user
    }
    if (registry.others(change.user(), null).isEmpty()) {
      return; // nobody of that user here: nothing to read
    }
    pushCurrent(change.user(), change.delegate(), change.key(), current);
  }

  private void resync(String user, byte[] delegate) {
    store
        .listKeys(user, delegate)
        .thenAccept(
            keys -> {
              for (byte[] key : keys) {
                pushCurrent(user, delegate, key, delegate == CURRENT);
              }
            });
  }

  private CompletableFuture<Void> pushCurrent(
      String user, byte[] delegate, byte[] key, boolean current) {
    return store
        .read(user, delegate, key)
        .thenAccept(
            stored -> {
              Envelope e = current && stored != null ? Envelope.unwrap(stored) : null;
              long generation = e != null ? e.generation() : 0;
              // the value just read, as the writing node's own pushes carry it
              byte[] value =
                  e != null && e.data().length <= DelegateHost.PUSH_VALUE_BYTES ? e.data() : null;
              byte[] frame =
                  WireCodec.encodePush(
                      new Push(new Event.DelegateKeyChanged(delegate, key, generation, value)));
              List<ClientConnection> here = registry.others(user, null);
              for (ClientConnection c : here) {
                c.send(frame);
              }
            })
        .exceptionally(
            e -> {
              System.err.println("river: could not re-read a key another node changed: " + e);
              return null;
            });
  }
}
