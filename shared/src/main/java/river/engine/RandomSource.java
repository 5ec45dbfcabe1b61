package river.engine;

/** Injected randomness for backoff jitter, so a seed replays a run exactly. */
public interface RandomSource {
  /** Uniform in [0, bound); bound > 0. */
  int nextInt(int bound);
}
