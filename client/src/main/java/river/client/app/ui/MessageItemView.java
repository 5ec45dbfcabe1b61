package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.Element;
import elemental2.dom.Event;
import elemental2.dom.HTMLAnchorElement;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.NodeList;
import java.util.function.Consumer;
import jsinterop.base.Js;
import river.chat.InviteLinks;
import river.chat.Mentions;
import river.chat.MessageSpans;

/**
 * Draws one {@code message-item}: the quote it replies to ({@code message-reply-to}, a button that
 * jumps to the original while it is there), the author ({@code message-author}, shown once per
 * group), the time ({@code message-time}, a {@code <time>} in the user's locale, the full date on
 * hover), the text ({@code message-text}: links to http(s) URLs as {@code message-link}, mentions
 * as {@code message-mention} with the member's current nickname, code as {@code message-code} and
 * {@code message-code-block}, emphasis as {@code strong}, {@code em} and {@code s}), reaction chips
 * ({@code message-reaction}, {@code title} naming who reacted) and one {@code message-actions}
 * container (react, link, reply; edit and delete on your own; delete asks {@code
 * message-delete-confirm}). Everything a user typed goes in as text nodes, never HTML.
 */
final class MessageItemView {
  private MessageItemView() {}

  /** What the item's controls ask of the list. */
  interface Actions {
    void reply(String id);

    void edit(String id, String text);

    /** The user asked to delete: show the confirmation (true) or take it back (false). */
    void confirmDelete(String id, boolean asking);

    void delete(String id);

    void openPicker(String id);

    void react(String id, String emoji);

    void permalink(String id);

    void jumpTo(String id);

    /** Accept the invitation whose link a message holds. */
    void acceptInvitation(String code);
  }

  static HTMLElement item(
      MessageRow r,
      boolean showsAuthor,
      boolean confirmingDelete,
      Mentions.Nicknames nicknames,
      Actions actions) {
    HTMLElement li = Dom.hook("li", "message-item", "message-item");
    li.setAttribute("data-message-id", r.id);
    if (!showsAuthor) {
      li.setAttribute("data-grouped", "true");
    }
    if (r.replyTo != null) {
      li.appendChild(quote(r, actions));
    }
    HTMLElement head = Dom.el("div", "message-head");
    HTMLElement author = Dom.hook("span", "message-author", "message-author");
    Dom.userText(author, r.author);
    head.appendChild(author);
    if (r.time > 0) {
      HTMLElement time = Dom.hook("time", "message-time", "message-time");
      time.setAttribute("datetime", LocalTime.iso(r.time));
      time.setAttribute("title", LocalTime.full(r.time));
      time.textContent = LocalTime.time(r.time);
      head.appendChild(time);
    }
    li.appendChild(head);
    HTMLElement text = Dom.hook("div", "message-text", "message-text");
    text.setAttribute("dir", "auto");
    fillText(text, r.text, nicknames, actions::acceptInvitation);
    li.appendChild(text);
    if (r.edited) {
      HTMLElement edited = Dom.hook("span", "message-edited", "message-edited");
      edited.textContent = "(edited)";
      li.appendChild(edited);
    }
    if (r.pending) {
      HTMLElement p = Dom.hook("span", "message-pending", "message-pending");
      p.textContent = "sending…";
      p.setAttribute("title", "Waiting to be delivered");
      li.appendChild(p);
      return li;
    }
    if (!r.reactions.isEmpty()) {
      li.appendChild(reactions(r, actions));
    }
    HTMLElement bar = actions(r, confirmingDelete, actions);
    li.appendChild(bar);
    li.addEventListener("contextmenu", e -> openByLongPress(e, bar));
    return li;
  }

  /**
   * A long press on a touch screen (Chromium and Safari fire {@code contextmenu} for it) opens this
   * message's actions and closes those another long press opened: a phone has no hover. A mouse's
   * right click keeps the browser's own menu (copying text needs it).
   */
  private static void openByLongPress(Event e, HTMLElement bar) {
    if (!"touch".equals(Js.asPropertyMap(e).get("pointerType"))) {
      return;
    }
    e.preventDefault();
    NodeList<Element> pressed =
        DomGlobal.document.querySelectorAll(".message-actions[data-pressed]");
    for (int i = 0; i < pressed.length; i++) {
      pressed.getAt(i).removeAttribute("data-pressed");
      pressed.getAt(i).removeAttribute("data-open");
    }
    bar.setAttribute("data-pressed", "true");
    bar.setAttribute("data-open", "true");
  }

  /**
   * The names {@link #fillText} would show for the mentions in {@code text}, one per line ("" when
   * it mentions no one): the one input of a drawn text besides the text itself.
   */
  static String mentionNames(String text, Mentions.Nicknames nicknames) {
    if (text == null || text.indexOf("<@") < 0) {
      return "";
    }
    StringBuilder names = new StringBuilder();
    for (MessageSpans.Span s : MessageSpans.of(text)) {
      if (s.kind == MessageSpans.Kind.MENTION) {
        names.append(nicknames.of(s.text)).append('\n');
      }
    }
    return names.toString();
  }

  /**
   * The text's spans: plain text as text nodes, links and mentions as their own elements, code in
   * {@code <code>} (a block in {@code <pre>}), each inside the {@code <strong>}, {@code <em>} and
   * {@code <s>} of its emphasis. An invitation link ({@link InviteLinks#codeOf}) is followed by an
   * "Accept invitation" button ({@code message-invitation-join}) that hands its code to {@code
   * accept}.
   */
  static void fillText(
      HTMLElement into, String text, Mentions.Nicknames nicknames, Consumer<String> accept) {
    for (MessageSpans.Span s : MessageSpans.of(text)) {
      into.appendChild(emphasised(s, node(s, nicknames)));
      String code = s.kind == MessageSpans.Kind.LINK ? InviteLinks.codeOf(s.text) : null;
      if (code != null) {
        HTMLButtonElement join =
            Dom.button("secondary invitation-join", "message-invitation-join", "Accept invitation");
        join.addEventListener("click", e -> accept.accept(code));
        into.appendChild(join);
      }
    }
  }

  private static elemental2.dom.Node node(MessageSpans.Span s, Mentions.Nicknames nicknames) {
    switch (s.kind) {
      case LINK:
        HTMLAnchorElement a = Js.uncheckedCast(Dom.hook("a", "message-link", "message-link"));
        a.href = s.text; // http(s) only: MessageSpans decides
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        a.textContent = s.text;
        return a;
      case MENTION:
        if (nicknames.of(s.text) == null) {
          // A token of someone this view does not know stays as typed.
          return DomGlobal.document.createTextNode(Mentions.token(s.text));
        }
        HTMLElement m = Dom.hook("bdi", "message-mention", "message-mention");
        m.setAttribute("data-member-key", s.text);
        m.textContent = "@" + nicknames.of(s.text);
        return m;
      case CODE:
        HTMLElement code = Dom.hook("code", "message-code", "message-code");
        code.textContent = s.text;
        return code;
      case CODE_BLOCK:
        HTMLElement pre = Dom.hook("pre", "message-code-block", "message-code-block");
        HTMLElement inner = Dom.el("code", null);
        inner.textContent = s.text;
        pre.appendChild(inner);
        return pre;
      default:
        return DomGlobal.document.createTextNode(s.text);
    }
  }

  private static elemental2.dom.Node emphasised(MessageSpans.Span s, elemental2.dom.Node node) {
    if (s.struck()) {
      node = wrap("s", node);
    }
    if (s.italic()) {
      node = wrap("em", node);
    }
    if (s.bold()) {
      node = wrap("strong", node);
    }
    return node;
  }

  private static elemental2.dom.Node wrap(String tag, elemental2.dom.Node node) {
    HTMLElement e = Dom.el(tag, null);
    e.appendChild(node);
    return e;
  }

  private static HTMLElement quote(MessageRow r, Actions actions) {
    HTMLElement quote;
    if (r.replyToId != null) {
      HTMLButtonElement b =
          Js.uncheckedCast(Dom.hook("button", "message-reply-to", "message-reply-to"));
      b.type = "button";
      b.setAttribute("title", "Show the message this replies to");
      b.addEventListener("click", e -> actions.jumpTo(r.replyToId));
      quote = b;
    } else {
      quote = Dom.hook("div", "message-reply-to", "message-reply-to");
    }
    if (r.replyAuthor == null) {
      quote.textContent = "↪ " + r.replyTo;
    } else {
      // Two pieces of user text, each isolated: an override in the name cannot reach the quote.
      Dom.sentence(quote, "↪ ", r.replyAuthor, ": ");
      quote.appendChild(Dom.isolated(r.replyTo));
    }
    return quote;
  }

  private static HTMLElement reactions(MessageRow r, Actions actions) {
    HTMLElement chips = Dom.el("span", "message-reactions");
    for (MessageRow.Reaction x : r.reactions) {
      HTMLButtonElement chip =
          Dom.button("reaction-chip", "message-reaction", x.emoji + " " + x.who.size());
      chip.setAttribute("data-emoji", x.emoji);
      chip.setAttribute("aria-pressed", x.mine ? "true" : "false");
      chip.setAttribute("title", "Reacted by " + Dom.listed(x.who));
      chip.addEventListener("click", e -> actions.react(r.id, x.emoji));
      chips.appendChild(chip);
    }
    return chips;
  }

  private static HTMLElement actions(MessageRow r, boolean confirmingDelete, Actions actions) {
    HTMLElement bar = Dom.el("div", "message-actions");
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Message actions");
    if (confirmingDelete) {
      HTMLElement ask = Dom.text("span", "message-delete-question", "Delete this message?");
      bar.appendChild(ask);
      HTMLButtonElement yes = Dom.button("link-button danger", "message-delete-confirm", "Delete");
      yes.addEventListener("click", e -> actions.delete(r.id));
      bar.appendChild(yes);
      HTMLButtonElement no = Dom.button("link-button", "message-delete-cancel", "Cancel");
      no.addEventListener("click", e -> actions.confirmDelete(r.id, false));
      bar.appendChild(no);
      bar.setAttribute("data-open", "true");
      return bar;
    }
    HTMLButtonElement react = Dom.button("link-button", "message-react", "☺+");
    react.setAttribute("aria-label", "Add a reaction");
    react.setAttribute("title", "Add a reaction");
    react.setAttribute("aria-haspopup", "dialog");
    react.addEventListener("click", e -> actions.openPicker(r.id));
    bar.appendChild(react);
    HTMLButtonElement permalink = Dom.button("link-button", "message-permalink", "Link");
    permalink.setAttribute("aria-label", "Copy a link to this message");
    permalink.setAttribute("title", "Copy a link to this message");
    permalink.addEventListener("click", e -> actions.permalink(r.id));
    bar.appendChild(permalink);
    HTMLButtonElement reply = Dom.button("link-button", "message-reply", "Reply");
    reply.addEventListener("click", e -> actions.reply(r.id));
    bar.appendChild(reply);
    if (r.own) {
      HTMLButtonElement edit = Dom.button("link-button", "message-edit", "Edit");
      edit.addEventListener("click", e -> actions.edit(r.id, r.text));
      bar.appendChild(edit);
      HTMLButtonElement delete = Dom.button("link-button", "message-delete", "Delete");
      delete.addEventListener("click", e -> actions.confirmDelete(r.id, true));
      bar.appendChild(delete);
    }
    return bar;
  }
}
