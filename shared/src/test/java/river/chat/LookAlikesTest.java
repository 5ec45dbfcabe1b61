package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per fold rule of {@link LookAlikes}, each with a pair that must not clash. */
class LookAlikesTest {
  @Test
  void caseDoesNotTellNamesApart() {
    assertTrue(LookAlikes.alike("alice", "ALICE"));
    assertTrue(LookAlikes.alike("Alice", "aLiCe"));
    assertFalse(LookAlikes.alike("alice", "alicia"));
  }

  @Test
  void cyrillicLettersDrawnLikeLatinOnesFold() {
    assertTrue(LookAlikes.alike("alice", "\u0430li\u0441\u0435")); // а, с, е
    assertTrue(LookAlikes.alike("PAYPAL", "\u0420\u0410Y\u0420\u0410L")); // Р, А
    assertFalse(LookAlikes.alike("alice", "\u0430lic\u0431")); // б is not e
  }

  @Test
  void greekAndArmenianLettersFold() {
    assertTrue(LookAlikes.alike("bob", "\u0392\u03bf\u0392")); // Β, ο
    assertTrue(LookAlikes.alike("nova", "\u0578\u0585va")); // Armenian ո, օ
    assertFalse(LookAlikes.alike("bob", "\u03b2ob")); // β is drawn apart from b
  }

  @Test
  void charactersThatDrawNothingAreDropped() {
    assertTrue(LookAlikes.alike("alice", "al\u200bice")); // zero-width space
    assertTrue(LookAlikes.alike("alice", "\u202dalice\u202c")); // a left-to-right override
    assertTrue(LookAlikes.alike("alice", "ali\u00adce\ufe0f")); // soft hyphen, selector
    assertTrue(LookAlikes.alike("alice", "alice\udb40\udc01")); // a tag character
  }

  @Test
  void aRightToLeftOverrideIsReadInTheOrderItDraws() {
    assertTrue(LookAlikes.alike("admin", "\u202enimda"));
    assertTrue(LookAlikes.alike("admin", "ad\u202enim\u202c"));
    assertEquals("boalib", LookAlikes.drawnOrder("bo\u202ebila"));
    assertEquals("bo ba x", LookAlikes.drawnOrder("bo \u202eab\u202c x"));
    assertFalse(LookAlikes.alike("admin", "\u202eadmin"));
  }

  @Test
  void fullwidthAndMathematicalLettersFold() {
    assertTrue(LookAlikes.alike("alice", "\uff41\uff4c\uff49\uff43\uff45"));
    // 𝐚𝐥𝐢𝐜𝐞 (bold) and 𝒜 (script capital A)
    assertTrue(
        LookAlikes.alike("alice", "\ud835\udc1a\ud835\udc25\ud835\udc22\ud835\udc1c\ud835\udc1e"));
    assertTrue(LookAlikes.alike("Al", "\ud835\udc9c\ud835\udc8d"));
    assertTrue(LookAlikes.alike("r2d2", "r\ud835\udfd0d\ud835\udfd0")); // bold digits
  }

  @Test
  void capitalILowerLOneAndBarLookTheSame() {
    assertTrue(LookAlikes.alike("bill", "biII"));
    assertTrue(LookAlikes.alike("bill", "bi1|"));
    assertTrue(LookAlikes.alike("bob", "b0b"));
    assertFalse(LookAlikes.alike("bill", "biii")); // a lower-case i keeps its dot
    assertTrue(LookAlikes.alike("BILL", "bill")); // and a capital I still reads as i
    assertTrue(LookAlikes.alike("Ian", "lan")); // drawn alike in most fonts
  }

  @Test
  void rnReadsAsMAndVvAsW() {
    assertTrue(LookAlikes.alike("emma", "ernrna"));
    assertTrue(LookAlikes.alike("wendy", "vvendy"));
    assertFalse(LookAlikes.alike("ron", "rom"));
  }

  @Test
  void whiteSpaceRunsAreOneSpaceAndTrimmed() {
    assertTrue(LookAlikes.alike("mary ann", "  mary\u00a0\u00a0ann "));
    assertTrue(LookAlikes.alike("mary ann", "mary\u3000ann"));
    assertFalse(LookAlikes.alike("mary ann", "maryann"));
  }

  @Test
  void accentsAndOtherScriptsStayApart() {
    assertFalse(LookAlikes.alike("alice", "alic\u00e9"));
    assertFalse(LookAlikes.alike("\u738b", "\u4e94")); // 王, 五
    assertFalse(LookAlikes.alike("\ud83d\ude42", "\ud83c\udf89")); // two emoji stay two names
    assertEquals("\ud83d\ude42", LookAlikes.skeleton("\ud83d\ude42"));
  }

  @Test
  void clashingNamesEveryKeyOfAGroupAndSkipsEmptyNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("k1", "alice");
    names.put("k2", "bob");
    names.put("k3", "\u0430lice");
    names.put("k4", "ALICE");
    names.put("k5", "\u200b");
    names.put("k6", "");
    names.put("k7", "biII");
    names.put("k8", "bill");
    Set<String> out = LookAlikes.clashing(names);
    assertEquals(Set.of("k1", "k3", "k4", "k7", "k8"), out);
    assertTrue(LookAlikes.clashing(Map.of("k1", "", "k2", "")).isEmpty());
  }
}
