package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import river.engine.CasOutcome;
import river.engine.SaveReport;
import river.wire.ErrorCodes;

/** Every kind of failure reads as plain words: what happened, what to do, no jargon. */
class PlainErrorsTest {
  /** What a person must never read (the browser suite's checker looks for the same things). */
  static final Pattern JARGON =
      Pattern.compile(
          "GetVersioned|CasStore|StoreSigningKey|room:|ERROR|Exception|base58|CBOR|timeout"
              + "|unknown_op|too_large|malformed|unavailable|invalid:|[1-9A-HJ-NP-Za-km-z]{16,}");

  static void plain(String text) {
    assertFalse(JARGON.matcher(text).find(), text);
    assertTrue(Character.isUpperCase(text.charAt(0)) && text.endsWith("."), text);
  }

  @Test
  void aTimeoutSaysTheNodeDidNotAnswerAndToCheckTheConnection() {
    String r = PlainErrors.reason(PlainErrors.TIMEOUT);
    plain(r);
    assertTrue(r.contains("did not answer in time"), r);
    assertTrue(r.contains("Check your connection"), r);
  }

  @Test
  void aLostConnectionSaysToTryAgainOnceItIsBack() {
    String r = PlainErrors.reason(PlainErrors.DISCONNECTED);
    plain(r);
    assertTrue(r.contains("connection to the node was lost"), r);
  }

  @Test
  void aBusyNodeSaysToTryAgainInAMoment() {
    String r = PlainErrors.reason(ErrorCodes.UNAVAILABLE);
    plain(r);
    assertTrue(r.contains("busy"), r);
  }

  @Test
  void aRefusalSaysTheRoomDidNotAcceptIt() {
    String r = PlainErrors.reason(ErrorCodes.INVALID);
    plain(r);
    assertTrue(r.startsWith("The room did not accept it"), r);
  }

  @Test
  void somethingTooLargeSaysToMakeItShorter() {
    String r = PlainErrors.reason(ErrorCodes.TOO_LARGE);
    plain(r);
    assertTrue(r.contains("shorter"), r);
  }

  @Test
  void aProtocolMismatchSaysToReload() {
    for (String code :
        List.of(ErrorCodes.MALFORMED, ErrorCodes.UNKNOWN_OP, ErrorCodes.UNKNOWN_DELEGATE)) {
      String r = PlainErrors.reason(code);
      plain(r);
      assertTrue(r.contains("Reload the page"), r);
    }
  }

  @Test
  void anInternalOrUnknownCodeReadsAsTheNodesFailure() {
    for (String code : new String[] {ErrorCodes.INTERNAL, "no_such_code", null}) {
      String r = PlainErrors.reason(code);
      plain(r);
      assertTrue(r.startsWith("Something went wrong on the node"), r);
    }
  }

  @Test
  void aFailedActionLeadsWithWhatDidNotHappenThenWhy() {
    String s =
        PlainErrors.failed(PlainErrors.Action.NICKNAME, PlainErrors.reason(PlainErrors.TIMEOUT));
    plain(s);
    assertTrue(s.startsWith("Your nickname was not saved yet. The node did not answer"), s);
    for (PlainErrors.Action a : PlainErrors.Action.values()) {
      plain(PlainErrors.failed(a, null));
      plain(PlainErrors.failed(a, "A room needs a name."));
    }
  }

  @Test
  void theFixedSentencesArePlain() {
    plain(PlainErrors.UNEXPECTED);
    plain(PlainErrors.LOAD_FAILED);
    plain(PlainErrors.STILL_LOADING);
    plain(PlainErrors.SYNC_FAILED);
    plain(PlainErrors.PROFILE_UNREACHABLE);
    plain(PlainErrors.PROFILE_STORAGE);
  }

  @Test
  void aSaveThatTimedOutSaysItWillBeSavedAgainWithoutNamingTheRequest() {
    SaveReport r =
        new SaveReport(
            3,
            Map.of("rooms_meta", CasOutcome.FAILED, "room:abc", CasOutcome.WRITTEN),
            List.of(
                "GetVersioned room:E8E1uhXw5dWm6f7vM1c5oPZ3kXkq3Ew7: ERROR timeout: no answer"));
    String s = PlainErrors.saveFailed(r);
    plain(s);
    assertTrue(s.contains("saves them again automatically"), s);
    assertEquals(
        s,
        PlainErrors.saveFailed(
            new SaveReport(4, Map.of("rooms_meta", CasOutcome.EXHAUSTED), List.of("x"))));
  }

  @Test
  void anUnreadableStoredValueSaysItWasLeftAsItIs() {
    String s =
        PlainErrors.saveFailed(
            new SaveReport(1, Map.of("rooms_meta", CasOutcome.UNPARSEABLE), List.of("CBOR")));
    plain(s);
    assertTrue(s.contains("left as they are"), s);
  }

  @Test
  void aCleanSaveSaysNothing() {
    assertNull(
        PlainErrors.saveFailed(
            new SaveReport(1, Map.of("rooms_meta", CasOutcome.WRITTEN), List.of())));
  }
}
