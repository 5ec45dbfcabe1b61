package river.engine;

import java.util.List;
import river.wire.Op;
import river.wire.Response;

/**
 * Where a {@link World}'s delegate requests go when they are not answered by its in-memory {@link
 * DelegateModel}s (the default, {@code world.backend == null}): e.g. a real node, with one
 * connection per tab session. The world stays the scheduler: it still decides which in-flight event
 * happens next; a backend only answers one request at a time, synchronously, and reports the
 * DelegateKeyChanged pushes that request caused for the other tabs' current sessions, so a seed's
 * schedule stays reproducible. A backend keeps the world's models in step (they are what the
 * simulator's checks read) and reports where the real store and the models differ.
 */
public interface DelegateBackend extends AutoCloseable {
  /** Receives one push for a tab's current session ({@code value} null: it carries none). */
  interface Pushes {
    void push(int tab, String key, long generation, byte[] value);
  }

  /**
   * Tab {@code tab} started session {@code epoch} (open, or reload): it gets its own connection.
   */
  void opened(int tab, int epoch);

  /** The tab's connection dropped and came back (same session). */
  void reconnected(int tab, int epoch);

  /**
   * Sends {@code op} from session (tab, epoch) and returns the answer frame (its id is the
   * backend's own: the world delivers it by the request's id); reports the pushes it caused.
   */
  Response apply(int tab, int epoch, Op.Delegate op, Pushes pushes);

  /**
   * Answers a read of a fresh, throw-away tab (the simulator's check (c)); never called for a
   * write.
   */
  Response probe(Op.Delegate op);

  /** At a quiescent point: every difference between the backend's store and the world's models. */
  List<String> verify();

  /** Whether seeds with legacy data (two fake legacy delegates) can run here. */
  boolean supportsLegacy();

  @Override
  default void close() {}
}
