package river.client.app.ui;

import elemental2.dom.CSSProperties;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLFormElement;
import elemental2.dom.HTMLTextAreaElement;
import elemental2.dom.KeyboardEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsinterop.base.Js;
import river.chat.Mentions;

/**
 * The composer: a multi-line {@code message-input} that grows to a few lines; Enter sends ({@code
 * message-send} too), Shift+Enter starts a new line. After {@code @} it offers members ({@link
 * MentionSuggestions}); a chosen one shows as {@code @nickname} and is sent as a mention of the
 * member's key ({@link Mentions}), so it follows renames. Every change is handed out as the room's
 * draft (in the stored form, with mention tokens). A refusal (too long, not a member) shows inline
 * under the input and keeps the typed text.
 */
public final class Composer {
  /** What {@link Listener#onSend} returns for a text it keeps waiting (after calling hold). */
  public static final String HELD = "\u0000held";

  /** The input grows up to this height, then scrolls. */
  private static final int MAX_HEIGHT_PX = 160;

  public interface Listener {
    /**
     * {@code text} in its stored form. Returns null when it was taken (the input is cleared),
     * {@link #HELD} when it waits (the input keeps it), else why it was refused.
     */
    String onSend(String text);

    /** The text changed (stored form; "" when emptied). */
    void onDraft(String text);

    /** The composer's height changed. */
    void onResize();
  }

  /** Who can be mentioned in the shown room. */
  public interface Members {
    List<Mentions.Member> members();
  }

  private final HTMLFormElement root = Js.uncheckedCast(Dom.el("form", "composer"));
  private final HTMLTextAreaElement input =
      Js.uncheckedCast(Dom.hook("textarea", "message-input", "message-input"));
  private final HTMLElement problem = Dom.hook("p", "composer-error", "composer-error");

  /** Says a sent text waits for its room to load ({@link #hold}); not an error. */
  private final HTMLElement waiting = Dom.hook("p", "composer-waiting", "composer-waiting");

  private final HTMLElement mode = Dom.hook("div", "composer-mode", "composer-mode");
  private final HTMLElement modeText = Dom.el("span", "composer-mode-text");
  private final MentionSuggestions suggestions = new MentionSuggestions(this::insertMention);
  private final Listener listener;
  private final Members members;

  /** The mentions chosen for the current text: nickname as shown, member key. */
  private Map<String, String> chosen = new LinkedHashMap<>();

  private Runnable onCancel;
  private double height;

  public Composer(Listener listener, Members members) {
    this.listener = listener;
    this.members = members;
    input.setAttribute("dir", "auto");
    input.setAttribute("aria-label", "Message");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", "mention-suggestions");
    input.rows = 1;
    input.placeholder = "Write a message";
    input.setAttribute("title", "Enter sends, Shift+Enter starts a new line");
    HTMLButtonElement send = Js.uncheckedCast(Dom.hook("button", "primary", "message-send"));
    send.type = "submit";
    send.textContent = "Send";
    HTMLButtonElement cancel = Dom.button("link-button", "composer-cancel", "Cancel");
    cancel.addEventListener(
        "click",
        e -> {
          Runnable c = onCancel;
          clearMode();
          if (c != null) {
            c.run();
          }
        });
    mode.appendChild(modeText);
    mode.appendChild(cancel);
    Dom.show(mode, false);
    root.appendChild(mode);
    root.appendChild(suggestions.element());
    HTMLElement row = Dom.el("div", "composer-row");
    row.appendChild(input);
    row.appendChild(send);
    root.appendChild(row);
    root.appendChild(problem);
    Dom.show(problem, false);
    waiting.setAttribute("role", "status");
    root.appendChild(waiting);
    Dom.show(waiting, false);
    root.addEventListener(
        "submit",
        e -> {
          e.preventDefault();
          send();
        });
    input.addEventListener("keydown", e -> onKey(Js.uncheckedCast(e)));
    input.addEventListener(
        "input",
        e -> {
          Dom.show(problem, false);
          changed();
        });
    input.addEventListener("click", e -> suggest());
    input.addEventListener("blur", e -> suggestions.hide());
  }

  public HTMLElement element() {
    return root;
  }

  public void focus() {
    input.focus();
  }

  /** Puts a stored text (a draft) into the input, mentions shown by current nickname. */
  public void setText(String stored, Mentions.Nicknames nicknames) {
    Mentions.Decoded d = Mentions.decode(stored, nicknames);
    input.value = d.text;
    chosen = new LinkedHashMap<>(d.chosen);
    suggestions.hide();
    Dom.show(problem, false);
    grow();
  }

  /** Whether the input is empty. */
  public boolean isEmpty() {
    return input.value.isEmpty();
  }

  /**
   * Replying or editing: says so above the input, with a cancel button; {@code text} (stored form)
   * replaces the input when not null.
   */
  public void setMode(String label, String text, Runnable cancel, Mentions.Nicknames nicknames) {
    modeText.textContent = label;
    onCancel = cancel;
    Dom.show(mode, true);
    if (text != null) {
      setText(text, nicknames);
    }
    input.focus();
  }

  public void clearMode() {
    onCancel = null;
    Dom.show(mode, false);
  }

  public void clearProblem() {
    Dom.show(problem, false);
  }

  /**
   * The text just sent waits (its room has not loaded yet): it stays in the input, and its draft
   * with it, with {@code notice} below; {@link #sendHeld} sends what the input then holds.
   */
  public void hold(String notice) {
    waiting.textContent = notice;
    Dom.show(waiting, true);
    Dom.show(problem, false);
  }

  /** Nothing waits any more (the room changed): the text stays as a draft. */
  public void release() {
    Dom.show(waiting, false);
  }

  /** The wait is over: sends what the input holds now, as Enter would. */
  public void sendHeld() {
    release();
    send();
  }

  private void onKey(KeyboardEvent k) {
    if (Js.isTruthy(Js.asPropertyMap(k).get("isComposing"))) {
      return; // an input method is composing a character: Enter is theirs
    }
    if (suggestions.isOpen()) {
      if ("ArrowDown".equals(k.key) || "ArrowUp".equals(k.key)) {
        k.preventDefault();
        suggestions.move("ArrowDown".equals(k.key) ? 1 : -1);
        activeOption();
        return;
      }
      if ("Enter".equals(k.key) || "Tab".equals(k.key)) {
        k.preventDefault();
        suggestions.chooseActive();
        return;
      }
      if ("Escape".equals(k.key)) {
        k.preventDefault();
        suggestions.hide();
        activeOption();
        return;
      }
    }
    if ("Enter".equals(k.key) && !k.shiftKey) {
      k.preventDefault();
      send();
    } else if ("ArrowLeft".equals(k.key) || "ArrowRight".equals(k.key)) {
      suggestions.hide();
    }
  }

  private void send() {
    String text = input.value;
    if (text.trim().isEmpty()) {
      return;
    }
    String refused = listener.onSend(Mentions.encode(text, chosen));
    if (HELD.equals(refused)) {
      return; // kept, and said so by hold()
    }
    if (refused == null) {
      input.value = "";
      chosen = new LinkedHashMap<>();
      suggestions.hide();
      Dom.show(problem, false);
      grow();
      listener.onDraft("");
    } else {
      problem.textContent = refused;
      Dom.show(problem, true);
    }
  }

  private void changed() {
    grow();
    suggest();
    listener.onDraft(Mentions.encode(input.value, chosen));
  }

  /** Offers members while an {@code @query} is being typed at the caret. */
  private void suggest() {
    int caret = caret();
    int at = Mentions.queryStart(input.value, caret);
    if (at < 0) {
      suggestions.hide();
    } else {
      suggestions.show(Mentions.suggest(input.value.substring(at + 1, caret), members.members()));
    }
    activeOption();
  }

  private void activeOption() {
    String id = suggestions.activeId();
    if (id == null) {
      input.removeAttribute("aria-activedescendant");
    } else {
      input.setAttribute("aria-activedescendant", id);
    }
  }

  private void insertMention(Mentions.Member m) {
    String text = input.value;
    int caret = caret();
    int at = Mentions.queryStart(text, caret);
    if (at < 0) {
      return;
    }
    String mention = "@" + m.nickname + " ";
    input.value = text.substring(0, at) + mention + text.substring(caret);
    int after = at + mention.length();
    Js.asPropertyMap(input).set("selectionStart", after);
    Js.asPropertyMap(input).set("selectionEnd", after);
    chosen.put(m.nickname, m.key);
    suggestions.hide();
    activeOption();
    input.focus();
    changed();
  }

  /** The caret's offset in the input (elemental2 1.1.0 does not type textarea selection). */
  private int caret() {
    return Js.asInt(Js.asPropertyMap(input).get("selectionStart"));
  }

  /** Fits the input's height to its text, up to a few lines. */
  private void grow() {
    input.style.height = CSSProperties.HeightUnionType.of("auto");
    double h = Math.min(input.scrollHeight + 2, MAX_HEIGHT_PX);
    input.style.height = CSSProperties.HeightUnionType.of(h + "px");
    if (h != height) {
      height = h;
      listener.onResize();
    }
  }
}
