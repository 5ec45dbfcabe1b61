package river.node.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The ratio is the median of its pairs: one pair caught on a slow or fast disk moment does not
 * decide.
 */
class CeilingRatioTest {
  @Test
  void theMiddlePairDecides() {
    assertEquals(61.4, CeilingRatio.median(new double[] {84.0, 55.4, 61.4}));
  }

  @Test
  void anEvenCountTakesTheMiddleTwo() {
    assertEquals(60.0, CeilingRatio.median(new double[] {70, 50, 55, 65}));
  }
}
