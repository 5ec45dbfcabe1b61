package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mentions by member key: the token, what is being typed, suggestions, encode and decode. */
class MentionsTest {
  @Test
  void aTokenIsTheKeyBetweenAngleBracketAt() {
    assertEquals("<@Abc9>", Mentions.token("Abc9"));
    assertEquals(7, Mentions.tokenAt("x <@Abc9> y", 2));
    assertEquals(0, Mentions.tokenAt("x <@Abc9> y", 0));
    assertEquals(0, Mentions.tokenAt("<@Ab c>", 0));
    assertTrue(Mentions.mentionsKey("hey <@Abc9>", "Abc9"));
    assertFalse(Mentions.mentionsKey("hey <@Abc9x>", "Abc9"));
  }

  @Test
  void theQueryIsAnAtAfterWhitespaceUpToTheCaret() {
    assertEquals(0, Mentions.queryStart("@bo", 3));
    assertEquals(3, Mentions.queryStart("hi @", 4));
    assertEquals(3, Mentions.queryStart("hi @bo and", 6));
    assertEquals(-1, Mentions.queryStart("hi @bo and", 10), "the caret is past a space");
    assertEquals(-1, Mentions.queryStart("mail a@b", 8), "an e-mail address is not a mention");
    assertEquals(-1, Mentions.queryStart("hello", 5));
    assertEquals(-1, Mentions.queryStart("", 0));
  }

  @Test
  void suggestionsPutNicknamesStartingWithTheQueryFirst() {
    List<Mentions.Member> members =
        Arrays.asList(
            new Mentions.Member("k1", "Carol Bobson"),
            new Mentions.Member("k2", "bob"),
            new Mentions.Member("k3", "Alice"),
            new Mentions.Member("k4", "Bobby"));
    List<String> keys = new ArrayList<>();
    for (Mentions.Member m : Mentions.suggest("BO", members)) {
      keys.add(m.key);
    }
    assertEquals(List.of("k2", "k4", "k1"), keys);
    assertEquals(4, Mentions.suggest("", members).size(), "a bare @ offers everyone");
  }

  @Test
  void suggestionsAreFew() {
    List<Mentions.Member> many = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(new Mentions.Member("k" + i, "m" + i));
    }
    assertEquals(Mentions.MAX_SUGGESTIONS, Mentions.suggest("m", many).size());
  }

  @Test
  void encodeTurnsChosenNicknamesIntoTokensLongestFirst() {
    Map<String, String> chosen = new HashMap<>();
    chosen.put("Bob", "K1");
    chosen.put("Bob Smith", "K2");
    assertEquals(
        "<@K2> and <@K1>, not @Bobby", Mentions.encode("@Bob Smith and @Bob, not @Bobby", chosen));
    assertEquals("plain @Bob", Mentions.encode("plain @Bob", new HashMap<>()));
  }

  @Test
  void decodeShowsCurrentNicknamesAndKeepsUnknownTokens() {
    Map<String, String> nicks = Map.of("K1", "bob");
    Mentions.Decoded d = Mentions.decode("hi <@K1> and <@K9>", nicks::get);
    assertEquals("hi @bob and <@K9>", d.text);
    assertEquals(Map.of("bob", "K1"), d.chosen);
    assertEquals("hi <@K1> and <@K9>", Mentions.encode(d.text, new LinkedHashMap<>(d.chosen)));
  }
}
