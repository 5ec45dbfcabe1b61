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
}
