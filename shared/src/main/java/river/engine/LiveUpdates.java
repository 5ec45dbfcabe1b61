package river.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import river.rooms.Bytes;
import river.rooms.RoomKey;
import river.rooms.RoomStorageKeys;
import river.rooms.RoomsCodec;
import river.rooms.RoomsDecodeException;
import river.rooms.StoredSlot;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;

/**
 * Live cross-tab updates (DESIGN "Live cross-tab updates"), sans I/O: a DelegateKeyChanged push for
 * a room slot or rooms_meta makes the tab apply the same reconcile rules as a save to the value the
 * push carries, or, when it carries none, to the key re-read (GetVersioned); a resync re-lists and
 * re-reads everything (in GetMany batches). A carried value is what the store held at the push's
 * generation; a re-read could have found only that or a newer one, which brings its own push, so
 * the value saves the round trip and changes no rule. Pushes are hints: one that is not newer than
 * what the tab saw is skipped, and pushes that arrive while the tab is still loading are remembered
 * and re-read once it has loaded (hazard: dropping them would miss a write that landed after the
 * load's own read of that key).
 */
final class LiveUpdates {
  /** What the session provides. */
  interface Host {
    boolean loaded();

    void requestSave();

    void problem(String message);
  }

  private final CorrelationTable table;
  private final RoomsCodec codec;
  private final Bytes current;
  private final LiveRooms live;
  private final Host host;
  private final Set<RoomKey> pushedWhileLoading = new LinkedHashSet<RoomKey>();
  private boolean metaPushedWhileLoading;

  LiveUpdates(CorrelationTable table, RoomsCodec codec, Bytes current, LiveRooms live, Host host) {
    this.table = table;
    this.codec = codec;
    this.current = current;
    this.live = live;
    this.host = host;
  }

  void onKeyChanged(Bytes delegate, String key, long generation, byte[] value) {
    if (!delegate.equals(current)) {
      return;
    }
    if (key.equals(RoomStorageKeys.ROOMS_META)) {
      live.announceMeta(generation);
      if (host.loaded()) {
        if (value != null) {
          applyRemoteMeta(value, generation);
        } else {
          rereadMeta();
        }
      } else {
        metaPushedWhileLoading = true;
      }
      return;
    }
    RoomKey room = RoomStorageKeys.parseRoomKey(key);
    if (room == null) {
      return;
    }
    // Known before the re-read answers: a save meanwhile reads first instead of guessing a CAS
    // that would surely conflict (CasTarget#storeMovedPast).
    live.cache().announce(room, generation);
    if (!host.loaded()) {
      pushedWhileLoading.add(room);
      return;
    }
    if (live.cache().generation(room) >= generation) {
      return;
    }
    if (value != null) {
      applyRemoteSlot(room, value, generation);
    } else {
      reread(room);
    }
  }

  /** The tab has loaded: re-read what was pushed meanwhile. */
  void afterLoad() {
    List<RoomKey> pushed = new ArrayList<RoomKey>(pushedWhileLoading);
    pushedWhileLoading.clear();
    for (RoomKey k : pushed) {
      reread(k);
    }
    if (metaPushedWhileLoading) {
      metaPushedWhileLoading = false;
      rereadMeta();
    }
  }

  /**
   * Re-list the current delegate and re-read every room slot and rooms_meta, in GetMany batches
   * (one key at a time when the node cannot batch, as the load does).
   */
  void resync() {
    table.send(
        current,
        DelegateRequest.LIST,
        new CorrelationTable.Expect<DelegateResponse.ListKeys>(DelegateResponse.ListKeys.class) {
          @Override
          void answered(DelegateResponse.ListKeys list) {
            List<String> listed = KeyText.listed(list);
            List<String> keys = new ArrayList<String>();
            for (RoomKey k : RoomStorageKeys.roomKeysIn(listed)) {
              keys.add(RoomStorageKeys.roomKey(k));
            }
            if (listed.contains(RoomStorageKeys.ROOMS_META)) {
              keys.add(RoomStorageKeys.ROOMS_META);
            }
            int max = DelegateRequest.GetMany.MAX_KEYS;
            for (int from = 0; from < keys.size(); from += max) {
              rereadBatch(
                  new ArrayList<String>(keys.subList(from, Math.min(keys.size(), from + max))));
            }
          }

          @Override
          void failed(String code, String reason) {
            host.problem("resync List: " + reason);
          }
        });
  }

  private void rereadBatch(final List<String> keys) {
    table.send(
        current,
        new DelegateRequest.GetMany(KeyText.bytes(keys)),
        new CorrelationTable.Expect<DelegateResponse.GetMany>(DelegateResponse.GetMany.class) {
          @Override
          void answered(DelegateResponse.GetMany many) {
            if (!KeyText.answers(many, keys)) {
              failed(null, "a GetManyResponse for other keys");
              return;
            }
            for (int i = 0; i < keys.size(); i++) {
              applyRemote(keys.get(i), many.value(i), many.generation(i));
            }
          }

          @Override
          void failed(String code, String reason) {
            if (LoadFlow.fallsBackToSingleGets(code)) {
              for (String key : keys) {
                RoomKey room = RoomStorageKeys.parseRoomKey(key);
                if (room != null) {
                  reread(room);
                } else {
                  rereadMeta();
                }
              }
            } else {
              host.problem("resync GetMany of " + keys.size() + " keys: " + reason);
            }
          }
        });
  }

  /** A value of the current store read outside a save (null = absent). */
  private void applyRemote(String key, byte[] value, long generation) {
    if (RoomStorageKeys.ROOMS_META.equals(key)) {
      applyRemoteMeta(value, generation);
    } else {
      applyRemoteSlot(RoomStorageKeys.parseRoomKey(key), value, generation);
    }
  }

  private void rereadMeta() {
    table.send(
        current,
        new DelegateRequest.GetVersioned(KeyText.bytes(RoomStorageKeys.ROOMS_META)),
        new CorrelationTable.Expect<DelegateResponse.GetVersioned>(
            DelegateResponse.GetVersioned.class) {
          @Override
          void answered(DelegateResponse.GetVersioned read) {
            applyRemoteMeta(read.value(), read.generation());
          }

          @Override
          void failed(String code, String reason) {
            // a hint missed: the next push or resync reads it again
          }
        });
  }

  private void applyRemoteMeta(byte[] value, long generation) {
    if (value == null) {
      return;
    }
    try {
      if (live.observeRemoteMeta(codec.decodeMeta(value), generation)) {
        host.requestSave();
      }
    } catch (RoomsDecodeException e) {
      host.problem("rooms_meta is unreadable: " + e.getMessage());
    }
  }

  private void reread(final RoomKey room) {
    final String key = RoomStorageKeys.roomKey(room);
    table.send(
        current,
        new DelegateRequest.GetVersioned(KeyText.bytes(key)),
        new CorrelationTable.Expect<DelegateResponse.GetVersioned>(
            DelegateResponse.GetVersioned.class) {
          @Override
          void answered(DelegateResponse.GetVersioned read) {
            applyRemoteSlot(room, read.value(), read.generation());
          }

          @Override
          void failed(String code, String reason) {
            host.problem("re-read " + key + ": " + reason);
          }
        });
  }

  /** A slot value read from the current store (bytes, null = absent) at a generation. */
  void applyRemoteSlot(RoomKey room, byte[] value, long generation) {
    StoredSlot s = StoredSlot.decode(codec, value);
    if (s.kind() == StoredSlot.Kind.UNPARSEABLE) {
      host.problem(RoomStorageKeys.roomKey(room) + " is unreadable: " + s.error());
      return;
    }
    if (s.kind() == StoredSlot.Kind.ABSENT) {
      return;
    }
    if (live.observeRemote(room, s.slot(), generation)) {
      host.requestSave(); // a rejoin to re-assert, a pending leave, or merged fields to write back
    }
  }
}
