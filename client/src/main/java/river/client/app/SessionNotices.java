package river.client.app;

import elemental2.dom.DomGlobal;
import river.chat.PlainErrors;
import river.client.app.ui.ErrorBanner;
import river.client.app.ui.LoadBanner;
import river.engine.SaveReport;
import river.engine.TabSession;

/**
 * What the tab's session has to tell the user, in the load banner and the error banner: the load's
 * state, a save that failed (and that the warning is no longer true once a save went through), a
 * value that could not be read. Details go to the console, for programs, not people. After a
 * migration it also has the node check the rooms' signing keys the old version kept.
 */
final class SessionNotices {
  private final TabSession session;
  private final NodeKeyFollower keys;
  private final LoadBanner loadBanner;
  private final ErrorBanner errorBanner;
  private TabSession.LoadState lastLoadState;

  /** The save warning the banner may still show (null: none). */
  private String lastSaveProblem;

  SessionNotices(
      TabSession session, NodeKeyFollower keys, LoadBanner loadBanner, ErrorBanner errorBanner) {
    this.session = session;
    this.keys = keys;
    this.loadBanner = loadBanner;
    this.errorBanner = errorBanner;
  }

  void onLoadState(TabSession.LoadState state, String detail) {
    if (lastLoadState == TabSession.LoadState.MIGRATING && state == TabSession.LoadState.LOADED) {
      // The legacy blob held each room's signing key; the node has never seen them.
      keys.followAll(
          session.rooms(),
          problem -> {
            if (problem != null) {
              errorBanner.show(
                  problem
                      + " rooms brought over from the previous version can be read but not"
                      + " posted in: this node did not accept your keys for them.");
            }
          });
    }
    lastLoadState = state;
    if (detail != null) {
      DomGlobal.console.warn("River: load " + state + ": " + detail); // for programs, not people
    }
    loadBanner.show(state.name().toLowerCase());
  }

  void onSaveFinished(SaveReport report) {
    String problem = PlainErrors.saveFailed(report);
    if (problem != null) {
      DomGlobal.console.warn("River: " + report);
      errorBanner.show(problem);
      lastSaveProblem = problem;
    } else if (lastSaveProblem != null && report.clean()) {
      errorBanner.hideIf(lastSaveProblem); // saved after all: the warning is no longer true
      lastSaveProblem = null;
    }
  }

  void onProblem(String message) {
    DomGlobal.console.warn("River: " + message);
    errorBanner.show(PlainErrors.SYNC_FAILED);
  }
}
