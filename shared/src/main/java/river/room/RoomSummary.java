package river.room;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import river.cbor.Cbor;
import river.cbor.CborException;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * What a replica has, so the other side can send only what it lacks: {"items": [bytes(64)]}, the
 * sorted signatures of every item in the state (config, memberships, member info, bans, messages).
 * A signature identifies its item exactly (items are signed, and the item id is the signature), so
 * "delta = my items whose signature is not in your summary" is exact, and merging that delta gives
 * the other side the same state as merging everything. Size: 64 bytes per item (about 40 KiB for a
 * full default room), traded for simplicity.
 */
public final class RoomSummary {
  private final List<byte[]> signatures;
  private final Set<String> index = new HashSet<String>();

  private RoomSummary(List<byte[]> signatures) {
    this.signatures = signatures;
    for (byte[] s : signatures) {
      index.add(UnsignedBytes.hex(s));
    }
  }

  public static RoomSummary of(RoomState state) {
    List<byte[]> sigs = new ArrayList<byte[]>();
    if (state.config != null) {
      sigs.add(state.config.signature());
    }
    for (SignedItem i : state.members) {
      sigs.add(i.signature());
    }
    for (SignedItem i : state.memberInfo) {
      sigs.add(i.signature());
    }
    for (SignedItem i : state.bans) {
      sigs.add(i.signature());
    }
    for (SignedItem i : state.messages) {
      sigs.add(i.signature());
    }
    Collections.sort(sigs, UnsignedBytes.ORDER);
    return new RoomSummary(sigs);
  }

  public boolean has(SignedItem item) {
    return index.contains(UnsignedBytes.hex(item.signatureShared()));
  }

  /** The items of {@code state} that the owner of {@code theirs} lacks. */
  public static RoomDelta deltaFor(RoomState state, RoomSummary theirs) {
    RoomDelta.Builder b = RoomDelta.builder();
    if (state.config != null && !theirs.has(state.config)) {
      b.config(state.config);
    }
    for (AuthorizedMember i : state.members) {
      if (!theirs.has(i)) {
        b.member(i);
      }
    }
    for (MemberInfo i : state.memberInfo) {
      if (!theirs.has(i)) {
        b.memberInfo(i);
      }
    }
    for (UserBan i : state.bans) {
      if (!theirs.has(i)) {
        b.ban(i);
      }
    }
    for (RoomMessage i : state.messages) {
      if (!theirs.has(i)) {
        b.message(i);
      }
    }
    return b.build();
  }

  public byte[] encode() {
    List<CborItem> items = new ArrayList<CborItem>();
    for (byte[] s : signatures) {
      items.add(CborItem.bytes(s));
    }
    return Cbor.encode(CborMap.builder().put("items", CborItem.array(items)).build());
  }

  public static RoomSummary decode(byte[] bytes) {
    CborItem item;
    try {
      item = Cbor.decode(bytes);
    } catch (CborException e) {
      throw new RoomValidationException("summary is not CBOR: " + e.getMessage());
    }
    List<byte[]> sigs = new ArrayList<byte[]>();
    for (CborItem i : ItemReader.of(item, "summary").array("items")) {
      if (i.kind() != CborKind.BYTES) {
        throw new RoomValidationException("summary: items must be byte strings");
      }
      sigs.add(i.asBytes());
    }
    return new RoomSummary(sigs);
  }
}
