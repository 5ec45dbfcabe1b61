package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a message text is cut into text, links and mentions: one test per rule. */
class MessageSpansTest {
  static String spans(String text) {
    return MessageSpans.of(text).toString();
  }

  @Test
  void plainTextIsOneTextSpan() {
    assertEquals("[TEXT:hello there]", spans("hello there"));
    assertEquals("[]", spans(""));
  }

  @Test
  void httpAndHttpsUrlsAreLinks() {
    assertEquals(
        "[TEXT:see , LINK:https://example.org/a?b=c#d, TEXT: and , LINK:http://x.io]",
        spans("see https://example.org/a?b=c#d and http://x.io"));
    assertEquals("[LINK:HTTPS://EXAMPLE.ORG]", spans("HTTPS://EXAMPLE.ORG"));
  }

  @Test
  void otherSchemesStayText() {
    assertEquals("[TEXT:javascript:alert(1)]", spans("javascript:alert(1)"));
    assertEquals("[TEXT:data:text/html,<b>x</b>]", spans("data:text/html,<b>x</b>"));
    assertEquals("[TEXT:ftp://x.org]", spans("ftp://x.org"));
  }

  @Test
  void aSchemeGluedToAWordIsNotALink() {
    assertEquals("[TEXT:javascript:https://x.org]", spans("javascript:https://x.org"));
    assertEquals("[TEXT:xhttps://x.org]", spans("xhttps://x.org"));
  }

  @Test
  void aBareSchemeIsNotALink() {
    assertEquals("[TEXT:https:// nothing]", spans("https:// nothing"));
  }

  @Test
  void trailingPunctuationAndAnUnbalancedParenthesisStayOutside() {
    assertEquals("[TEXT:see , LINK:https://x.org/a, TEXT:.]", spans("see https://x.org/a."));
    assertEquals("[TEXT:(, LINK:https://x.org/a, TEXT:).]", spans("(https://x.org/a)."));
    assertEquals(
        "[LINK:https://en.wikipedia.org/wiki/Rust_(language)]",
        spans("https://en.wikipedia.org/wiki/Rust_(language)"));
  }

  @Test
  void aQuoteOrAngleBracketEndsALink() {
    assertEquals("[LINK:https://x.org/, TEXT:\"onclick=\"]", spans("https://x.org/\"onclick=\""));
    assertEquals("[TEXT:<, LINK:https://x.org, TEXT:>]", spans("<https://x.org>"));
  }

  @Test
  void mentionTokensAreMentions() {
    assertEquals("[TEXT:hi , MENTION:3xYz, TEXT:!]", spans("hi <@3xYz>!"));
  }

  @Test
  void somethingThatOnlyLooksLikeATokenIsText() {
    assertEquals("[TEXT:<@> <@0OIl> <@abc]", spans("<@> <@0OIl> <@abc"));
  }

  @Test
  void starsAndUnderscoresMakeItalicAndBold() {
    assertEquals("[TEXT:a , TEXT/i:b, TEXT: c]", spans("a *b* c"));
    assertEquals("[TEXT:a , TEXT/i:b, TEXT: c]", spans("a _b_ c"));
    assertEquals("[TEXT:a , TEXT/b:b, TEXT: c]", spans("a **b** c"));
    assertEquals("[TEXT/b:b]", spans("__b__"));
    assertEquals("[TEXT/bi:both]", spans("***both***"));
  }

  @Test
  void twoTildesStrikeThrough() {
    assertEquals("[TEXT/s:gone, TEXT: now]", spans("~~gone~~ now"));
    assertEquals("[TEXT:~gone~ ~~~x~~~]", spans("~gone~ ~~~x~~~"));
  }

  @Test
  void emphasisNests() {
    assertEquals(
        "[TEXT/b:bold , TEXT/bi:and italic, TEXT/b: too]", spans("**bold *and italic* too**"));
    assertEquals("[TEXT/is:x]", spans("_~~x~~_"));
  }

  @Test
  void markupThatDoesNotPairStaysAsTyped() {
    assertEquals("[TEXT:2 * 3 * 4]", spans("2 * 3 * 4"));
    assertEquals("[TEXT:*open , TEXT/i:then, TEXT: **]", spans("*open *then* **"));
    assertEquals("[TEXT:snake_case_name and a_b]", spans("snake_case_name and a_b"));
    assertEquals("[TEXT:** **]", spans("** **"));
  }

  @Test
  void anOpenerThatNeverClosedInsideAPairIsText() {
    assertEquals("[TEXT/b:a _b]", spans("**a _b**"));
  }

  /** The shape a hostile sender would use to make pairing quadratic: it stays text, all of it. */
  @Test
  void manyOpenersOfOneMarkAndClosersOfAnotherStayText() {
    String text = "_a ".repeat(5_000) + "a* ".repeat(5_000);
    java.util.List<MessageSpans.Span> spans = MessageSpans.of(text);
    assertEquals(1, spans.size());
    assertEquals(text, spans.get(0).text);
  }

  @Test
  void backticksMakeCodeAndNothingInsideIsMarkup() {
    assertEquals(
        "[TEXT:run , CODE:*not* <@3xYz> https://x.org, TEXT: now]",
        spans("run `*not* <@3xYz> https://x.org` now"));
    assertEquals("[CODE:a ` b]", spans("``a ` b``"));
    assertEquals("[TEXT:a ` alone]", spans("a ` alone"));
  }

  @Test
  void threeBackticksMakeACodeBlock() {
    assertEquals(
        "[TEXT:look:\n, CODE_BLOCK:if (a) {\n  b();\n}, TEXT:\nok]",
        spans("look:\n```\nif (a) {\n  b();\n}\n```\nok"));
    assertEquals("[TEXT:``` unclosed]", spans("``` unclosed"));
  }

  @Test
  void aBackslashMakesMarkupText() {
    assertEquals("[TEXT:*not italic* and \\]", spans("\\*not italic\\* and \\\\"));
    assertEquals("[TEXT:a\\b]", spans("a\\b"));
  }

  @Test
  void linksAndMentionsCarryTheirEmphasis() {
    assertEquals("[LINK/b:https://x.org/a_b]", spans("**https://x.org/a_b**"));
    assertEquals("[TEXT/i:hi , MENTION/i:3xYz]", spans("_hi <@3xYz>_"));
    assertEquals("[TEXT:see , LINK:https://x.org/a]", spans("see https://x.org/a"));
  }

  @Test
  void markupIsNeverHtml() {
    assertEquals("[TEXT/b:<b>x</b>]", spans("**<b>x</b>**"));
  }

  /** Any mix of markup, atoms and text is cut without an error, and loses no visible text. */
  @Test
  void randomMarkupNeverFailsAndKeepsEveryLetter() {
    String[] parts = {
      "*", "_", "~", "`", "\\", " ", "a", "b", "\n", "<@3xYz>", "https://x.org", "**"
    };
    java.util.Random rnd = new java.util.Random(7);
    for (int n = 0; n < 5000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = rnd.nextInt(12); k > 0; k--) {
        text.append(parts[rnd.nextInt(parts.length)]);
      }
      StringBuilder shown = new StringBuilder();
      for (MessageSpans.Span s : MessageSpans.of(text.toString())) {
        if (s.kind == MessageSpans.Kind.TEXT) {
          assertEquals(false, s.text.isEmpty(), text.toString());
        }
        shown.append(s.kind == MessageSpans.Kind.MENTION ? "<@" + s.text + ">" : s.text);
      }
      assertEquals(letters(text.toString()), letters(shown.toString()), text.toString());
    }
  }

  private static String letters(String s) {
    return s.replaceAll("[^ab3xYz.:/<>@]", "");
  }
}
