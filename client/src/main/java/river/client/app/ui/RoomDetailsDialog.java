package river.client.app.ui;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLButtonElement;
import elemental2.dom.HTMLElement;
import elemental2.dom.HTMLInputElement;
import elemental2.dom.HTMLTextAreaElement;
import elemental2.dom.KeyboardEvent;
import jsinterop.base.Js;
import river.actions.RoomTexts;
import river.actions.SettingsEdit;
import river.room.ConfigRules;

/**
 * Room details, opened by {@code room-settings-open} in the room header: the room key as text
 * ({@code room-key}, with {@code room-key-copy}), the name ({@code room-settings-name}), the
 * description ({@code room-settings-description}) and the limits ({@code
 * room-settings-max-members}, {@code room-settings-max-message-bytes}, {@code
 * room-settings-max-recent-messages}). The owner edits them and saves ({@code room-settings-save},
 * refusals in {@code room-settings-error}); members see them read-only and no save button. Escape
 * or {@code room-settings-close} closes it; focus goes to the first field when it opens.
 *
 * <p>Other features add their own part of the dialog with {@link #addSection(HTMLElement)} (the
 * identity export, for one): a section is appended below the room's fields, stays for the life of
 * the dialog, and is shown whenever the dialog is.
 */
public final class RoomDetailsDialog {
  /** What the dialog shows: one room's details as the user may see them. */
  public static final class Details {
    final String roomKey;
    final String name;
    final String description;
    final int maxMembers;
    final int maxMessageBytes;
    final int maxRecentMessages;
    final boolean editable;

    /** {@code editable}: the user owns the room (only the owner's key signs its settings). */
    public Details(
        String roomKey,
        String name,
        String description,
        int maxMembers,
        int maxMessageBytes,
        int maxRecentMessages,
        boolean editable) {
      this.roomKey = roomKey;
      this.name = name;
      this.description = description;
      this.maxMembers = maxMembers;
      this.maxMessageBytes = maxMessageBytes;
      this.maxRecentMessages = maxRecentMessages;
      this.editable = editable;
    }
  }

  public interface Listener {
    /**
     * Null when the edit went out (the dialog closes); else why not, shown in the dialog. A field
     * left as it was shown is null in {@code edit} (kept as the room has it).
     */
    String onSave(SettingsEdit edit);

    /** Copy the room key; the dialog says "Copied" when {@code done} runs with true. */
    void onCopyKey(String roomKey, CopyDone done);

    /** The dialog closed (focus can go back to the composer). */
    void onClosed();
  }

  public interface CopyDone {
    void copied(boolean ok);
  }

  private final HTMLElement root = Dom.el("div", "dialog-backdrop");
  private final HTMLElement box = Dom.el("div", "dialog room-details");
  private final HTMLElement key = Dom.hook("code", "room-key", "room-key");
  private final HTMLButtonElement copy = Dom.button("secondary", "room-key-copy", "Copy");
  private final HTMLInputElement name = field("text", "room-settings-name");
  private final HTMLTextAreaElement description =
      Js.uncheckedCast(Dom.hook("textarea", "room-description-field", "room-settings-description"));
  private final HTMLInputElement maxMembers = field("number", "room-settings-max-members");
  private final HTMLInputElement maxMessageBytes =
      field("number", "room-settings-max-message-bytes");
  private final HTMLInputElement maxRecentMessages =
      field("number", "room-settings-max-recent-messages");
  private final HTMLElement error = Dom.hook("p", "dialog-error", "room-settings-error");
  private final HTMLElement readOnlyHint =
      Dom.text("p", "dialog-hint", "Only the room's owner can change these.");
  private final HTMLElement ownerHint =
      Dom.text(
          "p",
          "dialog-hint",
          "Fewer members removes nobody: it only stops new joins. Fewer recent messages kept"
              + " drops the oldest beyond the new number.");
  private final HTMLButtonElement save = Dom.button("primary", "room-settings-save", "Save");
  private final HTMLElement sections = Dom.el("div", "dialog-sections");
  private final Listener listener;

  /** What the fields were last filled with: a field the user has not touched follows live edits. */
  private Details shown;

  public RoomDetailsDialog(Listener listener) {
    this.listener = listener;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", "Room details");
    box.appendChild(Dom.text("h2", null, "Room details"));
    HTMLElement keyRow = Dom.el("div", "key-row");
    keyRow.appendChild(key);
    keyRow.appendChild(copy);
    box.appendChild(CreateRoomDialog.labelled("Room key", keyRow));
    description.setAttribute("dir", "auto");
    description.rows = 3;
    box.appendChild(CreateRoomDialog.labelled("Name", name));
    box.appendChild(CreateRoomDialog.labelled("Description", description));
    box.appendChild(labelled(ConfigRules.MEMBERS, maxMembers));
    box.appendChild(labelled(ConfigRules.MESSAGE_BYTES, maxMessageBytes));
    box.appendChild(labelled(ConfigRules.RECENT_MESSAGES, maxRecentMessages));
    box.appendChild(readOnlyHint);
    box.appendChild(ownerHint);
    box.appendChild(error);
    HTMLElement buttons = Dom.el("div", "dialog-buttons");
    HTMLButtonElement close = Dom.button("secondary", "room-settings-close", "Close");
    close.addEventListener("click", e -> close());
    save.addEventListener("click", e -> submit());
    buttons.appendChild(close);
    buttons.appendChild(save);
    box.appendChild(buttons);
    box.appendChild(sections);
    copy.addEventListener(
        "click",
        e ->
            listener.onCopyKey(
                key.textContent,
                ok -> copy.textContent = ok ? "Copied" : "Select the key and copy it"));
    root.appendChild(box);
    // on the document: a click on the dialog's text leaves the focus on the page's body
    DomGlobal.document.addEventListener(
        "keydown",
        e -> {
          if (isOpen() && "Escape".equals(((KeyboardEvent) e).key)) {
            e.preventDefault();
            close();
          }
        });
    // A click on the backdrop itself (not inside the box) closes, like Escape.
    root.addEventListener(
        "click",
        e -> {
          if (e.target == root) {
            close();
          }
        });
    Dom.show(root, false);
  }

  public HTMLElement element() {
    return root;
  }

  /**
   * Appends a section of another feature below the room's fields (e.g. the identity export). It
   * stays for the life of the dialog; the caller keeps it current.
   */
  public void addSection(HTMLElement section) {
    sections.appendChild(section);
  }

  public boolean isOpen() {
    return !root.hasAttribute("hidden");
  }

  /** Opens on {@code details}, every field filled afresh, focus on the first field. */
  public void open(Details details) {
    shown = null;
    error.textContent = "";
    copy.textContent = "Copy";
    fill(details);
    Dom.show(root, true);
    name.focus();
  }

  /**
   * The room changed while the dialog is open (another tab's or member's edit): fields the user has
   * not touched follow; what they typed stays.
   */
  public void refresh(Details details) {
    if (isOpen()) {
      fill(details);
    }
  }

  public void close() {
    if (isOpen()) {
      Dom.show(root, false);
      listener.onClosed();
    }
  }

  private void fill(Details d) {
    Details before = shown;
    key.textContent = d.roomKey;
    follow(name, before == null ? null : before.name, d.name);
    if (before == null || description.value.equals(before.description)) {
      description.value = d.description;
    }
    follow(maxMembers, before == null ? null : num(before.maxMembers), num(d.maxMembers));
    follow(
        maxMessageBytes,
        before == null ? null : num(before.maxMessageBytes),
        num(d.maxMessageBytes));
    follow(
        maxRecentMessages,
        before == null ? null : num(before.maxRecentMessages),
        num(d.maxRecentMessages));
    name.readOnly = !d.editable;
    description.readOnly = !d.editable;
    maxMembers.readOnly = !d.editable;
    maxMessageBytes.readOnly = !d.editable;
    maxRecentMessages.readOnly = !d.editable;
    Dom.show(save, d.editable);
    Dom.show(readOnlyHint, !d.editable);
    Dom.show(ownerHint, d.editable);
    shown = d;
  }

  private static void follow(HTMLInputElement field, String before, String now) {
    if (before == null || field.value.equals(before)) {
      field.value = now;
    }
  }

  private void submit() {
    if (shown == null || !shown.editable) {
      return;
    }
    Details d = shown;
    String refused =
        listener.onSave(
            new SettingsEdit(
                changed(name.value, d.name),
                changed(description.value, d.description),
                changed(maxMembers.value, num(d.maxMembers)),
                changed(maxMessageBytes.value, num(d.maxMessageBytes)),
                changed(maxRecentMessages.value, num(d.maxRecentMessages))));
    if (refused == null) {
      close();
    } else {
      error.textContent = refused;
    }
  }

  /** Null for a field left as shown (a private room's name may show as "…" while decrypting). */
  private static String changed(String typed, String shownValue) {
    return typed.equals(shownValue) ? null : typed;
  }

  private static HTMLElement labelled(int limit, HTMLElement field) {
    return CreateRoomDialog.labelled(RoomTexts.limitLabel(limit), field);
  }

  private static String num(int n) {
    return String.valueOf(n);
  }

  private static HTMLInputElement field(String type, String testId) {
    HTMLInputElement i = CreateRoomDialog.input(type, testId);
    if ("number".equals(type)) {
      i.min = "1";
      i.step = "1";
    }
    return i;
  }
}
