package river.room;

import java.util.ArrayList;
import java.util.List;
import river.cbor.Cbor;
import river.cbor.CborException;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.cbor.ReadOnly;

/**
 * Items one side sends the other: {"config": RoomConfig or null, "members": [AuthorizedMember],
 * "member_info": [MemberInfo], "bans": [UserBan], "messages": [RoomMessage], "rotations":
 * [SecretRotation], "direct_messages": [DirectMessage], "dm_deletes": [DmDelete] (each of the last
 * three only when not empty, so rooms without them keep their bytes)} (each item {"body",
 * "signature"}). A full state has the same shape with a config, so a Put carries a delta applied to
 * the empty room. Nothing here is trusted: {@link RoomValidator} checks it first.
 */
public final class RoomDelta {
  final RoomConfig config;
  final List<AuthorizedMember> members;
  final List<MemberInfo> memberInfo;
  final List<UserBan> bans;
  final List<RoomMessage> messages;
  final List<SecretRotation> rotations;
  final List<DirectMessage> directMessages;
  final List<DmDelete> dmDeletes;

  public RoomDelta(
      RoomConfig config,
      List<AuthorizedMember> members,
      List<MemberInfo> memberInfo,
      List<UserBan> bans,
      List<RoomMessage> messages) {
    this(config, members, memberInfo, bans, messages, new ArrayList<SecretRotation>());
  }

  public RoomDelta(
      RoomConfig config,
      List<AuthorizedMember> members,
      List<MemberInfo> memberInfo,
      List<UserBan> bans,
      List<RoomMessage> messages,
      List<SecretRotation> rotations) {
    this(
        config,
        members,
        memberInfo,
        bans,
        messages,
        rotations,
        new ArrayList<DirectMessage>(),
        new ArrayList<DmDelete>());
  }

  public RoomDelta(
      RoomConfig config,
      List<AuthorizedMember> members,
      List<MemberInfo> memberInfo,
      List<UserBan> bans,
      List<RoomMessage> messages,
      List<SecretRotation> rotations,
      List<DirectMessage> directMessages,
      List<DmDelete> dmDeletes) {
    this.config = config;
    this.directMessages = ReadOnly.list(new ArrayList<DirectMessage>(directMessages));
    this.dmDeletes = ReadOnly.list(new ArrayList<DmDelete>(dmDeletes));
    this.rotations = ReadOnly.list(new ArrayList<SecretRotation>(rotations));
    this.members = ReadOnly.list(new ArrayList<AuthorizedMember>(members));
    this.memberInfo = ReadOnly.list(new ArrayList<MemberInfo>(memberInfo));
    this.bans = ReadOnly.list(new ArrayList<UserBan>(bans));
    this.messages = ReadOnly.list(new ArrayList<RoomMessage>(messages));
  }

  public static Builder builder() {
    return new Builder();
  }

  public RoomConfig config() {
    return config;
  }

  public List<AuthorizedMember> members() {
    return members;
  }

  public List<MemberInfo> memberInfo() {
    return memberInfo;
  }

  public List<UserBan> bans() {
    return bans;
  }

  public List<RoomMessage> messages() {
    return messages;
  }

  public List<SecretRotation> rotations() {
    return rotations;
  }

  public List<DirectMessage> directMessages() {
    return directMessages;
  }

  public List<DmDelete> dmDeletes() {
    return dmDeletes;
  }

  public boolean isEmpty() {
    return config == null
        && directMessages.isEmpty()
        && dmDeletes.isEmpty()
        && rotations.isEmpty()
        && members.isEmpty()
        && memberInfo.isEmpty()
        && bans.isEmpty()
        && messages.isEmpty();
  }

  public CborItem toCbor() {
    CborMap.Builder b =
        CborMap.builder()
            .put("config", config == null ? CborItem.NULL : config.toCbor())
            .put("members", list(members))
            .put("member_info", list(memberInfo))
            .put("bans", list(bans))
            .put("messages", list(messages));
    if (!rotations.isEmpty()) {
      b.put("rotations", list(rotations));
    }
    if (!directMessages.isEmpty()) {
      b.put("direct_messages", list(directMessages));
    }
    if (!dmDeletes.isEmpty()) {
      b.put("dm_deletes", list(dmDeletes));
    }
    return b.build();
  }

  public byte[] encode() {
    return Cbor.encode(toCbor());
  }

  /** Parses bytes; RoomValidationException for anything that is not a well-formed delta. */
  public static RoomDelta decode(byte[] bytes) {
    CborItem item;
    try {
      item = Cbor.decode(bytes);
    } catch (CborException e) {
      throw new RoomValidationException("not CBOR: " + e.getMessage());
    }
    return fromCbor(item);
  }

  public static RoomDelta fromCbor(CborItem item) {
    ItemReader r = ItemReader.of(item, "room delta");
    try {
      CborItem c = r.optional("config");
      Builder b = builder().config(c == null ? null : RoomConfig.fromCbor(c));
      for (CborItem i : r.array("members")) {
        b.members.add(AuthorizedMember.fromCbor(i));
      }
      for (CborItem i : r.array("member_info")) {
        b.memberInfo.add(MemberInfo.fromCbor(i));
      }
      for (CborItem i : r.array("bans")) {
        b.bans.add(UserBan.fromCbor(i));
      }
      for (CborItem i : r.array("messages")) {
        b.messages.add(RoomMessage.fromCbor(i));
      }
      if (r.optional("rotations") != null) {
        for (CborItem i : r.array("rotations")) {
          b.rotations.add(SecretRotation.fromCbor(i));
        }
      }
      if (r.optional("direct_messages") != null) {
        for (CborItem i : r.array("direct_messages")) {
          b.directMessages.add(DirectMessage.fromCbor(i));
        }
      }
      if (r.optional("dm_deletes") != null) {
        for (CborItem i : r.array("dm_deletes")) {
          b.dmDeletes.add(DmDelete.fromCbor(i));
        }
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new RoomValidationException("room delta: " + e.getMessage());
    }
  }

  private static CborItem list(List<? extends SignedItem> items) {
    List<CborItem> out = new ArrayList<CborItem>(items.size());
    for (SignedItem i : items) {
      out.add(i.toCbor());
    }
    return CborItem.array(out);
  }

  /** Collects items for a delta. */
  public static final class Builder {
    private RoomConfig config;
    final List<AuthorizedMember> members = new ArrayList<AuthorizedMember>();
    final List<MemberInfo> memberInfo = new ArrayList<MemberInfo>();
    final List<UserBan> bans = new ArrayList<UserBan>();
    final List<RoomMessage> messages = new ArrayList<RoomMessage>();
    final List<SecretRotation> rotations = new ArrayList<SecretRotation>();
    final List<DirectMessage> directMessages = new ArrayList<DirectMessage>();
    final List<DmDelete> dmDeletes = new ArrayList<DmDelete>();

    public Builder config(RoomConfig c) {
      config = c;
      return this;
    }

    public Builder member(AuthorizedMember m) {
      members.add(m);
      return this;
    }

    public Builder memberInfo(MemberInfo i) {
      memberInfo.add(i);
      return this;
    }

    public Builder ban(UserBan b) {
      bans.add(b);
      return this;
    }

    public Builder message(RoomMessage m) {
      messages.add(m);
      return this;
    }

    public Builder rotation(SecretRotation r) {
      rotations.add(r);
      return this;
    }

    public Builder directMessage(DirectMessage m) {
      directMessages.add(m);
      return this;
    }

    public Builder dmDelete(DmDelete d) {
      dmDeletes.add(d);
      return this;
    }

    public RoomDelta build() {
      return new RoomDelta(
          config, members, memberInfo, bans, messages, rotations, directMessages, dmDeletes);
    }
  }
}
