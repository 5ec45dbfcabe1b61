package river.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import river.rooms.Bytes;

/**
 * The app's side of the reads the shell sent for this tab's load before the app asked ({@link
 * LoadReads}), keyed by {@link LoadReads#opKey}. The shell first announces a read (it is on the
 * wire), then hands over its answer frame. A request for an announced read takes its answer, at
 * most once; if the answer is not in yet, the request waits here for it. Anything else goes to the
 * node as usual.
 *
 * <p>Closed for good, handing back the requests still waiting (to be sent to the node as usual), at
 * the first push the app hears, when the connection is lost, and when the load is over. Hazard: an
 * answer handed over after a push may be older than what the push announced, while the app, having
 * heard the push first, would take it as newer; closing at the push keeps every answer the app
 * takes older than every push it hears after it, exactly as when it asks the node itself.
 *
 * @param <W> a waiting request
 */
public final class PrefetchedReads<W> {
  /** What {@link #take} found. */
  public enum Found {
    /** The answer is in: {@link #answer()} holds it, and the read is used up. */
    ANSWER,
    /** Announced, answer not in yet: the request waits here until {@link #answered}. */
    WAITING,
    /** Not a read the shell sent (or already taken, or closed): ask the node. */
    NONE
  }

  private static final class Read<W> {
    byte[] answer;
    W waiting;
  }

  private final Map<Bytes, Read<W>> reads = new LinkedHashMap<Bytes, Read<W>>();
  private boolean closed;
  private byte[] lastAnswer;

  public boolean isOpen() {
    return !closed;
  }

  /**
   * Whether a read is announced and not yet taken: else no request can be one of the shell's, and
   * the caller need not build its op key (issue 18: one encoding per request fewer at start-up).
   */
  public boolean expects() {
    return !closed && !reads.isEmpty();
  }

  /** The shell sent this read. */
  public void announced(byte[] opKey) {
    if (!closed && !reads.containsKey(Bytes.of(opKey))) {
      reads.put(Bytes.of(opKey), new Read<W>());
    }
  }

  /**
   * The shell hands over the answer to a read it announced: the request waiting for it, if one does
   * (it gets {@code answer} and the read is used up), else null and the answer is kept.
   */
  public W answered(byte[] opKey, byte[] answer) {
    Read<W> read = closed ? null : reads.get(Bytes.of(opKey));
    if (read == null || read.answer != null) {
      return null;
    }
    if (read.waiting != null) {
      reads.remove(Bytes.of(opKey));
      return read.waiting;
    }
    read.answer = answer;
    return null;
  }

  /** A request of the app for the read {@code opKey}; see {@link Found}. */
  public Found take(byte[] opKey, W request) {
    lastAnswer = null;
    Read<W> read = closed ? null : reads.get(Bytes.of(opKey));
    if (read == null || read.waiting != null) {
      return Found.NONE; // a second request for the same read asks the node
    }
    if (read.answer != null) {
      reads.remove(Bytes.of(opKey));
      lastAnswer = read.answer;
      return Found.ANSWER;
    }
    read.waiting = request;
    return Found.WAITING;
  }

  /** The answer {@link #take} found, when it said {@link Found#ANSWER}. */
  public byte[] answer() {
    return lastAnswer;
  }

  /** A request waiting here gave up (its timeout): a later answer is kept, not handed to it. */
  public void forget(W request) {
    for (Read<W> read : reads.values()) {
      if (read.waiting == request) {
        read.waiting = null;
      }
    }
  }

  /**
   * The connection was lost: a read not answered yet never will be, so this closes (returning the
   * waiting requests) once any read was announced. Before that, "not connected yet" is no loss.
   */
  public List<W> lost() {
    return reads.isEmpty() ? new ArrayList<W>() : close();
  }

  /**
   * No more reads are taken from here; returns the requests still waiting, in the order their reads
   * were announced.
   */
  public List<W> close() {
    List<W> waiting = new ArrayList<W>();
    for (Read<W> read : reads.values()) {
      if (read.waiting != null) {
        waiting.add(read.waiting);
      }
    }
    reads.clear();
    closed = true;
    lastAnswer = null;
    return waiting;
  }
}
