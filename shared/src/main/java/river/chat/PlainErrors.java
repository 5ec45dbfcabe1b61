package river.chat;

import river.engine.CasOutcome;
import river.engine.SaveReport;
import river.wire.ErrorCodes;

/**
 * The one translation from a failure to what a person reads: what happened, then what to do. Never
 * a request name, a storage key, an error code, a codec's or an exception's text: those are for
 * programs and go to the console. A failure is known here by its code (the node's {@link
 * ErrorCodes}, or the host's own {@link #TIMEOUT} / {@link #DISCONNECTED}), never by the node's
 * message, which is written for programs and may change; what the user was doing ({@link Action})
 * leads the sentence.
 */
public final class PlainErrors {
  private PlainErrors() {}

  /** Host code: the node did not answer a request in time. */
  public static final String TIMEOUT = "timeout";

  /** Host code: the connection to the node was lost before the answer came. */
  public static final String DISCONNECTED = "disconnected";

  /** What the user was doing; its lead says what did not happen. */
  public enum Action {
    CREATE_ROOM("The room was not created."),
    INVITE("No invitation was created."),
    RENAME("The room was not renamed."),
    NICKNAME("Your nickname was not saved yet."),
    BAN("The ban did not go through."),
    DEPUTY("Your deputies were not updated yet."),
    SEND("Your message was not sent."),
    DELIVER("A message could not be delivered and was removed from the queue.");

    final String lead;

    Action(String lead) {
      this.lead = lead;
    }
  }

  /** A failure whose cause is not known: an unexpected state of this page. */
  public static final String UNEXPECTED =
      "Something went wrong on this page. Try again; if it keeps happening, reload the page.";

  /** A room action asked for before this tab has loaded its rooms (nothing was done). */
  public static final String STILL_LOADING = "Your rooms are still loading; try again in a moment.";

  /** The rooms list did not load. */
  public static final String LOAD_FAILED =
      "Your rooms could not be loaded. Check your connection, then press Retry.";

  /** A change made in another tab could not be read here (the tab keeps trying). */
  public static final String SYNC_FAILED =
      "Changes from your other tabs could not be read here yet. This tab keeps trying; reload it"
          + " if your rooms look out of date.";

  /** The shell could not reach the node to set up this browser's profile. */
  public static final String PROFILE_UNREACHABLE =
      "River could not reach the node to set up this browser. Check that the node is running and"
          + " that you are online, then reload the page.";

  /** The browser's own storage refused the profile (e.g. storage turned off for this site). */
  public static final String PROFILE_STORAGE =
      "This browser did not let River keep your profile. Allow this site to store data (it may"
          + " be turned off in private windows), then reload the page.";

  /**
   * Why a request failed, from its code, as sentences for a person. Unknown codes read like an
   * internal failure: nothing the user did, worth trying again.
   */
  public static String reason(String code) {
    if (TIMEOUT.equals(code)) {
      return "The node did not answer in time. Check your connection and try again.";
    }
    if (DISCONNECTED.equals(code)) {
      return "The connection to the node was lost. Try again once it is back.";
    }
    if (ErrorCodes.UNAVAILABLE.equals(code)) {
      return "The node is busy or cannot save right now. Try again in a moment.";
    }
    if (ErrorCodes.INVALID.equals(code)) {
      return "The room did not accept it: the room may have changed meanwhile, or you may no"
          + " longer be a member. Look at the room as it is now and try again.";
    }
    if (ErrorCodes.TOO_LARGE.equals(code)) {
      return "It is too large for the node to accept. Make it shorter and try again.";
    }
    if (ErrorCodes.MALFORMED.equals(code)
        || ErrorCodes.UNKNOWN_OP.equals(code)
        || ErrorCodes.UNKNOWN_DELEGATE.equals(code)) {
      return "This page and the node do not understand each other. Reload the page; if it keeps"
          + " happening, the node may need an update.";
    }
    return "Something went wrong on the node. Try again; if it keeps happening, tell whoever runs"
        + " the node.";
  }

  /**
   * What did not happen, then why: {@code reason} is already for a person (from {@link #reason} or
   * a refusal such as {@code river.actions.RoomTexts}); null or empty gives {@link #UNEXPECTED}'s
   * advice.
   */
  public static String failed(Action action, String reason) {
    String why =
        reason == null || reason.trim().isEmpty()
            ? "Try again; if it keeps happening, reload the page."
            : reason.trim();
    return action.lead + " " + why;
  }

  /**
   * A save pass that left something unsaved, or null when nothing needs saying. Nothing is lost: a
   * later pass saves it (a value that cannot be read is left as it is and says so).
   */
  public static String saveFailed(SaveReport report) {
    boolean unreadable = false;
    boolean retrying = false;
    for (CasOutcome o : report.outcomes().values()) {
      unreadable |= o == CasOutcome.UNPARSEABLE;
      retrying |= o == CasOutcome.EXHAUSTED || o == CasOutcome.FAILED;
    }
    if (retrying) {
      return "Some changes are not saved yet: the node did not take them. This tab keeps them and"
          + " saves them again automatically.";
    }
    if (unreadable) {
      return "Some of your saved room settings could not be read, so they were left as they are."
          + " Your rooms still work; reload the page if something looks missing.";
    }
    return null;
  }
}
