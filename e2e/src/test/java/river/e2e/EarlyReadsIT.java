package river.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.e2e.ChatSteps.create;
import static river.e2e.ChatSteps.loaded;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.wire.DelegateRequest;
import river.wire.Op;
import river.wire.Push;
import river.wire.Request;
import river.wire.WireCodec;

/**
 * The shell sends the rooms load's first read (ListValues: the keys with the slots that fit one
 * answer) as soon as its socket opens, while the app frame is still starting, and the app takes its
 * answer instead of asking again (issue 18; {@code river.engine.LoadReads}, {@code
 * PrefetchedReads}); slots that did not fit, the app reads itself.
 *
 * <p>Made certain, not hoped for: the app frame's script is held until the node has answered the
 * shell's read (and, in the second test, until a room created in another tab was pushed to this
 * one), so the app can only have started from it.
 */
class EarlyReadsIT extends NodeAndBrowser {
  /** The shell's early reads are numbered from here (ShellPrefetch.FIRST_ID). */
  static final long SHELL_READS = 1L << 49;

  /** The first test's node: its rooms are seeded before it starts. */
  @TempDir Path seeded;

  volatile Route shellScript;
  volatile Route appScript;

  /** What the held page sent on its socket, and the answers to the shell's reads and the pushes. */
  final List<Request> sent = Collections.synchronizedList(new ArrayList<>());

  final AtomicInteger earlyAnswers = new AtomicInteger();
  final AtomicInteger pushes = new AtomicInteger();

  @Test
  void theLoadTakesTheAnswerToTheReadTheShellSentFirst() throws Exception {
    // Two rooms stored as slots before the node starts, and no other tab: nothing writes, so no
    // push can reach the page while its app is held (a push would rightly stop it taking them).
    try (NodeProcess own = seededWith(2)) {
      Tab b = heldSeeded(own);
      appScript.resume();
      loaded(b);
      assertThat(b.appHook("room-item")).hasCount(2);
      assertEquals(0, pushes.get());

      // One read went out, the shell's: the app asked the node for neither keys nor slots.
      List<Request> reads = sentOf(DelegateRequest.ListValues.class);
      assertEquals(1, reads.size(), "ListValues sent: " + reads);
      assertTrue(reads.get(0).id() >= SHELL_READS);
      assertEquals(List.of(), sentOf(DelegateRequest.ListKeys.class));
      assertEquals(List.of(), sentOf(DelegateRequest.GetMany.class));
      assertEquals(List.of(), b.errors());
    }
  }

  @Test
  void slotsBeyondWhatTheShellsAnswerCarriesAreReadByTheApp() throws Exception {
    // More rooms than one ListValues answer carries values for (the node's cap: 1,024).
    try (NodeProcess own = seededWith(1100)) {
      Tab b = heldSeeded(own);
      appScript.resume();
      loaded(b);
      assertThat(b.appHook("room-item")).hasCount(1100);
      List<Request> getManys = sentOf(DelegateRequest.GetMany.class);
      assertEquals(1, sentOf(DelegateRequest.ListValues.class).size());
      assertTrue(!getManys.isEmpty(), "the rest is read by GetMany");
      for (Request r : getManys) {
        assertTrue(r.id() < SHELL_READS, "the app's own GetMany: " + r.id());
      }
      assertEquals(List.of(), sentOf(DelegateRequest.ListKeys.class));
      assertEquals(List.of(), b.errors());
    }
  }

  /** A node whose one profile holds {@code rooms} rooms as slots, seeded before it starts. */
  private NodeProcess seededWith(int rooms) throws Exception {
    token = SeededProfile.newToken();
    NodeProcess.toolAs(
        token,
        "seed-legacy",
        "--data-dir",
        seeded.toString(),
        "--rooms",
        Integer.toString(rooms),
        "--per-room");
    return new NodeProcess(seeded).start();
  }

  private String token;

  /** A tab of the seeded profile, held as {@link #heldUntilTheShellsReadsAreAnswered} says. */
  private Tab heldSeeded(NodeProcess own) {
    BrowserContext context = browser.newContext();
    Tab.adoptProfile(context, own.url(), token);
    return heldUntilTheShellsReadsAreAnswered(context, own.url(), true);
  }

  @Test
  void aRoomCreatedElsewhereWhileTheAppStartsIsListedToo() {
    BrowserContext context = browser.newContext();
    Tab a = new Tab(context.newPage()).open(node.url());
    loaded(a);
    create(a, "One", "ann");

    Tab b = heldUntilTheShellsReadsAreAnswered(context, node.url(), false);
    // The shell's answers hold one room; a second is created, and pushed to b, before b's app runs.
    int before = pushes.get();
    create(a, "Late", "ann");
    b.page.waitForCondition(() -> pushes.get() > before);
    appScript.resume();
    loaded(b);
    assertThat(b.appHook("room-item")).hasCount(2);
    assertThat(
            b.app()
                .locator("[data-testid=room-item] [data-testid=room-name]")
                .filter(new Locator.FilterOptions().setHasText("Late")))
        .hasCount(1);
    assertEquals(List.of(), b.errors());
  }

  /**
   * A tab of the profile whose app script is held until the node has answered the shell's read.
   * With {@code holdShell}, the shell's script is held too, until the app frame keeps what the
   * shell posts (its early keeper), so that no announcement is lost to a frame not listening yet.
   * Only in a fresh profile: once a shell ran, its service worker serves the shell's script, where
   * the page's route does not see it.
   */
  private Tab heldUntilTheShellsReadsAreAnswered(
      BrowserContext context, String url, boolean holdShell) {
    Page page = context.newPage();
    page.route(
        "**/river.js",
        route -> {
          if (route.request().frame().parentFrame() != null) {
            appScript = route;
          } else if (holdShell) {
            shellScript = route;
          } else {
            route.resume();
          }
        });
    page.onWebSocket(
        ws -> {
          ws.onFrameSent(f -> sent.add(WireCodec.decodeRequest(f.binary())));
          ws.onFrameReceived(
              f -> {
                if (WireCodec.peekResponseId(f.binary()) >= SHELL_READS) {
                  earlyAnswers.incrementAndGet();
                } else if (WireCodec.decodeServerFrame(f.binary()) instanceof Push) {
                  pushes.incrementAndGet();
                }
              });
        });
    Tab tab = new Tab(page);
    page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
    if (holdShell) {
      page.waitForCondition(() -> shellScript != null && Tab.appFrameOf(page) != null);
      Tab.appFrameOf(page).waitForFunction("() => typeof window.riverTakeEarly === 'function'");
      shellScript.resume();
    }
    page.waitForCondition(() -> appScript != null && earlyAnswers.get() >= 1);
    return tab;
  }

  private List<Request> sentOf(Class<? extends DelegateRequest> kind) {
    List<Request> out = new ArrayList<>();
    synchronized (sent) {
      for (Request r : sent) {
        if (r.op() instanceof Op.Delegate && kind.isInstance(((Op.Delegate) r.op()).msg())) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
