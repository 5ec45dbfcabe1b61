package river.engine;

/**
 * A small deterministic PRNG (SplitMix64) for jitter and for the simulator. Not for secrets.
 * Written here rather than java.util.Random so the sequence is identical on the JVM and in J2CL.
 */
public final class SeededRandom implements RandomSource {
  private long state;

  public SeededRandom(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    return (int) ((nextLong() >>> 1) % bound);
  }

  public boolean nextBoolean() {
    return (nextLong() & 1) == 1;
  }
}
