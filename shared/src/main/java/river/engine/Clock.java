package river.engine;

/** Injected time source (milliseconds), so engines never read the wall clock and tests replay. */
public interface Clock {
  long nowMillis();
}
