package river.client.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import river.chat.PlainErrors;
import river.identity.BackupCipher;
import river.identity.BackupContents;
import river.identity.IdentityBlock;
import river.identity.IdentityRefusal;
import river.identity.ImportPlan;
import river.identity.MembershipChain;
import river.identity.ProfileBackup;
import river.identity.RestorePlan;
import river.room.RoomState;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * Host of the identity export/import and the profile backup/restore: moves keys between the node
 * and the formats of {@code river.identity}, which decide everything (what a block holds, whether
 * an import is new, the same, a replacement or refused, what a restore joins). The node keeps the
 * signing keys: an export asks it for the room's key (ExportSigningKey), an import puts the block's
 * key there with the public key it must have (StoreSigningKey) before the room enters ROOMS, so the
 * profile never lists an identity its node cannot sign for.
 */
final class IdentityTransfer {
  interface Text {
    void accept(String text);
  }

  interface File {
    /** The encrypted file, and how many rooms it holds. */
    void accept(byte[] file, int rooms);
  }

  /** What an import asks of its dialog. */
  interface ImportAnswer {
    void refused(String reason);

    /** The block would replace the identity the profile holds in that room: ask first. */
    void confirmReplace();

    void imported(RoomKey room, boolean changed);
  }

  private final SessionDriver driver;
  private final NodeCalls calls;
  private final RoomHydrator hydrator;
  private final ScreenHost host;
  private final BackupCipher cipher = new WebBackupCipher();

  IdentityTransfer(SessionDriver driver, NodeCalls calls, RoomHydrator hydrator, ScreenHost host) {
    this.driver = driver;
    this.calls = calls;
    this.hydrator = hydrator;
    this.host = host;
  }

  private Rooms rooms() {
    return driver.session().rooms();
  }

  /** The armored block of the profile's identity in {@code room}. */
  void export(RoomKey room, Text then, NodeCalls.Fail fail) {
    block(
        room,
        b -> then.accept(b.armored()),
        () -> fail.fail("Your key for this room is not on this node, so it cannot be exported."));
  }

  private interface Block {
    void accept(IdentityBlock block);
  }

  private void block(RoomKey room, Block then, Runnable missing) {
    RoomData held = rooms().room(room);
    if (held == null) {
      missing.run();
      return;
    }
    calls.delegate(
        new DelegateRequest.ExportSigningKey(room.bytes().toArray()),
        DelegateResponse.ExportedKey.class,
        key -> {
          RoomData now = rooms().room(room);
          if (now == null || !now.verifyingKey().equals(river.rooms.Bytes.of(key.publicKey()))) {
            missing.run(); // the node's key is not (yet) the held identity's
            return;
          }
          RoomState state = hydrator.state(room);
          List<river.room.AuthorizedMember> chain =
              state == null
                  ? new ArrayList<river.room.AuthorizedMember>()
                  : MembershipChain.of(state, key.publicKey());
          then.accept(IdentityBlock.of(now, key.privateKey(), chain));
        },
        problem -> missing.run());
  }

  /** Imports pasted text; {@code confirmed} once the user agreed to replace a held identity. */
  void importText(String text, boolean confirmed, ImportAnswer answer) {
    if (!driver.session().isReady()) {
      answer.refused(PlainErrors.STILL_LOADING);
      return;
    }
    IdentityBlock.Decoded decoded = IdentityBlock.decode(text);
    if (!decoded.ok()) {
      answer.refused(decoded.refusal().text());
      return;
    }
    IdentityBlock block = decoded.block();
    ImportPlan plan = ImportPlan.decide(rooms().room(block.room()), block, now());
    switch (plan.kind()) {
      case REFUSED:
        answer.refused(plan.refusal().text());
        return;
      case SAME_IDENTITY:
        answer.imported(block.room(), false);
        return;
      case REPLACES_EXISTING:
        if (!confirmed) {
          answer.confirmReplace();
          return;
        }
        break;
      default:
        break;
    }
    storeKey(
        block,
        () -> {
          // Decided again on the rooms held now: another tab may have joined meanwhile.
          ImportPlan again = ImportPlan.decide(rooms().room(block.room()), block, now());
          if (again.toJoin() != null) {
            host.act(() -> driver.session().join(again.toJoin()));
          }
          answer.imported(block.room(), true);
        },
        answer::refused);
  }

  private void storeKey(IdentityBlock block, Runnable then, NodeCalls.Fail fail) {
    calls.delegate(
        new DelegateRequest.StoreSigningKey(
            block.room().bytes().toArray(), block.seed().toArray(), block.verifyingKey().toArray()),
        DelegateResponse.SigningKey.class,
        stored -> then.run(),
        // The node refuses a seed that is not the verifying key's: the block was forged.
        problem -> fail.fail(IdentityRefusal.KEY_MISMATCH.text()));
  }

  /** An encrypted file of every room identity the node can export, with order and modes. */
  void backup(String passphrase, File then, NodeCalls.Fail fail) {
    Rooms rooms = rooms();
    List<RoomKey> keys = new ArrayList<>(rooms.map().keySet());
    List<IdentityBlock> blocks = new ArrayList<>();
    int[] left = {keys.size()};
    Runnable sealAll =
        () ->
            ProfileBackup.seal(
                new BackupContents(blocks, rooms.roomOrder(), rooms.notificationModes()),
                passphrase,
                WebCrypto.random(ProfileBackup.SALT_BYTES),
                WebCrypto.random(ProfileBackup.IV_BYTES),
                cipher,
                file -> {
                  if (file == null) {
                    fail.fail(
                        "This browser cannot encrypt here (open River over https or localhost).");
                  } else {
                    then.accept(file, blocks.size());
                  }
                });
    if (keys.isEmpty()) {
      sealAll.run();
      return;
    }
    for (RoomKey key : keys) {
      Runnable one =
          () -> {
            if (--left[0] == 0) {
              sealAll.run();
            }
          };
      // A room whose key the node does not hold (yet) is left out rather than failing them all.
      block(
          key,
          b -> {
            blocks.add(b);
            one.run();
          },
          one);
    }
  }

  /** Restores a backup file; {@code then} gets a sentence saying what was restored. */
  void restore(byte[] file, String passphrase, Text then, NodeCalls.Fail fail) {
    if (!driver.session().isReady()) {
      fail.fail(PlainErrors.STILL_LOADING);
      return;
    }
    ProfileBackup.open(
        file,
        passphrase,
        cipher,
        (contents, refusal) -> {
          if (refusal != null) {
            fail.fail(refusal.text());
            return;
          }
          RestorePlan plan = RestorePlan.decide(rooms(), contents);
          List<IdentityBlock> joins = plan.toJoin();
          int[] left = {joins.size()};
          int[] failed = {0};
          Runnable finish =
              () -> {
                host.act(
                    () -> {
                      driver.session().setOrder(plan.order());
                      for (Map.Entry<RoomKey, NotificationMode> e : plan.modes().entrySet()) {
                        driver.session().setMode(e.getKey(), e.getValue());
                      }
                    });
                then.accept(summary(joins.size() - failed[0], plan.kept(), failed[0]));
              };
          if (joins.isEmpty()) {
            finish.run();
            return;
          }
          for (IdentityBlock b : joins) {
            Runnable one =
                () -> {
                  if (--left[0] == 0) {
                    finish.run();
                  }
                };
            storeKey(
                b,
                () -> {
                  ImportPlan p = ImportPlan.decide(rooms().room(b.room()), b, now());
                  if (p.kind() == ImportPlan.Kind.NEW) {
                    host.act(() -> driver.session().join(p.toJoin()));
                  }
                  one.run();
                },
                problem -> {
                  failed[0]++;
                  one.run();
                });
          }
        });
  }

  static String summary(int restored, int kept, int failed) {
    StringBuilder s = new StringBuilder();
    s.append(restored == 1 ? "1 room restored." : restored + " rooms restored.");
    if (kept > 0) {
      s.append(
          kept == 1
              ? " 1 room you already had stayed as it was."
              : " " + kept + " rooms you already had stayed as they were.");
    }
    if (failed > 0) {
      s.append(failed == 1 ? " 1 room" : " " + failed + " rooms").append(" could not be restored.");
    }
    return s.toString();
  }

  private static long now() {
    return (long) elemental2.core.JsDate.now();
  }
}
