package river.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Frame;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that what a person reads is written for a person: no request name, storage key, error
 * code, codec or exception text, and no key (base58 or hex) shown as if it were words. Any test can
 * call {@link #assertNone(Tab)} at a point where errors are on screen. Text a user is meant to copy
 * (the invitation code and link, a link to copy by hand) is left out.
 */
final class Jargon {
  private Jargon() {}

  static final Pattern PATTERN =
      Pattern.compile(
          String.join(
              "|",
              // request and response names of the wire protocol
              "\\b(GetVersioned|CasStore|GetMany|StoreSigningKey|GetPublicKey|ListRequest"
                  + "|DelegateKeyChanged|ContractUpdated|Op\\.\\w+)\\b",
              // storage keys, error codes, host codes, codec and exception text
              "\\b(room|slot):\\S",
              "\\brooms_meta\\b",
              "\\bERROR\\b",
              "Exception",
              "\\b(unknown_op|unknown_delegate|too_large|malformed|invalid_\\w+)\\b",
              "\\btimeout\\b",
              "invalid base58",
              "\\bbase58\\b",
              "\\bCBOR\\b",
              "at index \\d+",
              // a key: 16+ base58 characters with a digit and a capital, or 16+ hex digits
              "\\b(?=[1-9A-HJ-NP-Za-km-z]*[1-9])(?=[1-9A-HJ-NP-Za-km-z]*[A-Z])"
                  + "[1-9A-HJ-NP-Za-km-z]{16,}\\b",
              "\\b(?=[0-9a-f]*[0-9])[0-9a-f]{16,}\\b"));

  /** Hooks whose text is a code or link for the user to copy, not a sentence. */
  private static final String COPYABLE =
      "[data-testid=invite-code], [data-testid=invite-link], .notice-link";

  /** The first piece of jargon in {@code text}, or null. */
  static String find(String text) {
    Matcher m = PATTERN.matcher(text);
    if (!m.find()) {
      return null;
    }
    int from = Math.max(0, m.start() - 40);
    int to = Math.min(text.length(), m.end() + 40);
    return "'" + m.group() + "' in: …" + text.substring(from, to) + "…";
  }

  /** Fails when the visible text of the tab (shell and app) holds jargon. */
  static void assertNone(Tab t) {
    String text = visibleText(t.page.mainFrame()) + "\n" + visibleText(t.appFrame());
    String found = find(text);
    if (found != null) {
      fail("a person would read jargon: " + found);
    }
  }

  /** What is rendered (innerText skips hidden elements), without the copyable codes and links. */
  private static String visibleText(Frame frame) {
    return (String)
        frame.evaluate(
            "copyable => { let text = document.body.innerText;"
                + " for (const e of document.querySelectorAll(copyable)) {"
                + "   const t = e.innerText; if (t) text = text.split(t).join(' '); }"
                + " return text; }",
            COPYABLE);
  }
}
