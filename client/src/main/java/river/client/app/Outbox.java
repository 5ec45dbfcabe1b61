package river.client.app;

import java.util.List;
import java.util.Map;
import river.actions.OutboxQueue;
import river.room.RoomMessage;

/**
 * The app's half of the durable outbox: the shell's IndexedDB store and the screen, as the shared
 * {@link OutboxQueue} (which decides everything: when to send, retry, adopt another tab's entries,
 * give up, and what counts as delivered) needs them. Every call is followed by a pump of the
 * actions engine, so what the queue decided to send goes out.
 */
final class Outbox implements OutboxQueue.Host {
  interface Listener {
    void onOutboxChanged();

    void onUndeliverable(String reason);
  }

  private final ShellLink shell;
  private final Listener listener;
  private ActionDriver driver;

  Outbox(ShellLink shell, Listener listener) {
    this.shell = shell;
    this.listener = listener;
  }

  void attach(ActionDriver driver) {
    this.driver = driver;
  }

  private OutboxQueue queue() {
    return driver.outbox();
  }

  /** Queues a composed (unsigned) message: stored by the shell first, then sent. */
  void add(RoomMessage unsigned) {
    queue().add(unsigned);
    driver.pump();
  }

  List<OutboxQueue.Entry> entries() {
    return queue().entries();
  }

  void forget(String key) {
    queue().forget(key);
  }

  void deliveredByRoom(String key) {
    queue().deliveredByRoom(key);
  }

  void onSaved(String key, boolean ok) {
    queue().onSaved(key, ok);
    driver.pump();
  }

  void onItems(Map<String, byte[]> items) {
    queue().onItems(items);
    driver.pump();
  }

  void onConnected() {
    queue().onConnected();
    shell.outboxList();
    driver.pump();
  }

  void onDisconnected() {
    queue().onDisconnected();
  }

  // --- OutboxQueue.Host ----------------------------------------------------------------------

  @Override
  public void store(String key, byte[] body) {
    shell.outboxPut(key, body);
  }

  @Override
  public void remove(String key) {
    shell.outboxRemove(key);
  }

  @Override
  public void wakeAt(long atMillis) {
    driver.wakeAt(atMillis);
  }

  @Override
  public void changed() {
    listener.onOutboxChanged();
  }

  @Override
  public void undeliverable(String reason) {
    listener.onUndeliverable(reason);
  }
}
