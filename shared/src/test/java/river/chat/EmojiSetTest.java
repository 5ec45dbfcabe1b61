package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reaction picker's emoji data and search. */
class EmojiSetTest {
  final EmojiSet set =
      EmojiSet.parse(
          "😀\tgrinning face\n👍\tthumbs up\n👎\tthumbs down\n🙃\tupside-down face\nbroken line\n"
              + "❤️\tred heart\n");

  static List<String> emoji(List<EmojiSet.Emoji> found) {
    List<String> out = new ArrayList<>();
    for (EmojiSet.Emoji e : found) {
      out.add(e.emoji);
    }
    return out;
  }

  @Test
  void malformedLinesAreSkipped() {
    assertEquals(5, set.size());
  }

  @Test
  void aBlankQueryOffersEverythingInOrder() {
    assertEquals(List.of("😀", "👍", "👎", "🙃", "❤️"), emoji(set.search(" ")));
  }

  @Test
  void everyWordOfTheQueryMustStartAWordOfTheName() {
    assertEquals(List.of("👍"), emoji(set.search("Thu UP")));
    assertEquals(List.of("👍", "👎"), emoji(set.search("thumbs")));
    assertEquals(List.of("🙃"), emoji(set.search("down face")));
    assertEquals(List.of(), emoji(set.search("umbs")));
  }

  @Test
  void namesStartingWithTheQueryComeFirst() {
    EmojiSet s = EmojiSet.parse("💗\tbig heart\n💙\theart\n");
    assertEquals(List.of("💙", "💗"), emoji(s.search("heart")));
  }

  @Test
  void aStepFromThePreviousLinesFirstCodePointStandsForTheEmoji() {
    // 😀 U+1F600; empty: +1 (😁); "2": +2 from 😁 (😃); "z": +35; ❤️ then "\t": U+2765
    EmojiSet s =
        EmojiSet.parse("😀\tgrinning\n\tbeaming\n2\tbig eyes\nz\tfar\n❤️\tred heart\n\tnext\n");
    assertEquals(
        List.of("😀", "😁", "😃", new String(Character.toChars(0x1F603 + 35)), "❤️", "❥"),
        emoji(s.search("")));
    assertEquals(0, EmojiSet.parse("\tno previous line\n7\tnor here\n").size());
  }

  @Test
  void theNameOfAnEmoji() {
    assertEquals("thumbs up", set.nameOf("👍"));
    assertNull(set.nameOf("x"));
  }
}
