package river.rooms;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import river.cbor.ReadOnly;

/**
 * What only this user holds about one room and cannot get back from the room contract: the owner
 * key, this user's identity in the room (signing + verifying key, the signed membership and invite
 * chain, an identity generation), nickname with its version (and when the user asked for it, until
 * the room's member info is known to carry it), the last-read mark, the read marks of its
 * direct-message threads (per peer key: the newest DM read, position = its time) and their hidden
 * marks (per peer key: the newest DM when the user hid the thread; it shows again once a later DM
 * arrives), the user's requests about their deputies (per member key, {@link DeputyMarks}), the
 * invitation secrets, the contract key. Immutable; change it with {@link #toBuilder()}. Hazard: the
 * signing key is irrecoverable, so every merge must keep a whole identity (key pair + membership +
 * generation) together, never mix fields from two identities.
 */
public final class RoomData {
  private final RoomKey owner;
  private final Bytes signingKey;
  private final Bytes verifyingKey;
  private final Bytes membership;
  private final long identityGeneration;
  private final String nickname;
  private final long nicknameVersion;
  private final long nicknameAskedAt;
  private final LastRead lastRead;
  private final SortedMap<Bytes, LastRead> dmRead;
  private final SortedMap<Bytes, LastRead> dmHidden;
  private final SortedMap<Bytes, Long> deputyMarks;
  private final SortedSet<Bytes> invitationSecrets;
  private final Bytes contractKey;

  private RoomData(Builder b) {
    if (b.owner == null) {
      throw new IllegalArgumentException("owner key missing");
    }
    this.owner = b.owner;
    this.signingKey = nonNull(b.signingKey);
    this.verifyingKey = nonNull(b.verifyingKey);
    this.membership = nonNull(b.membership);
    this.identityGeneration = b.identityGeneration;
    this.nickname = b.nickname == null ? "" : b.nickname;
    this.nicknameVersion = b.nicknameVersion;
    this.nicknameAskedAt = b.nicknameAskedAt;
    this.lastRead = b.lastRead == null ? LastRead.NONE : b.lastRead;
    this.dmRead = ReadOnly.sortedMap(new TreeMap<Bytes, LastRead>(b.dmRead));
    this.dmHidden = ReadOnly.sortedMap(new TreeMap<Bytes, LastRead>(b.dmHidden));
    this.deputyMarks = ReadOnly.sortedMap(new TreeMap<Bytes, Long>(b.deputyMarks));
    this.invitationSecrets = ReadOnly.sortedSet(new TreeSet<Bytes>(b.invitationSecrets));
    this.contractKey = nonNull(b.contractKey);
  }

  private static Bytes nonNull(Bytes b) {
    return b == null ? Bytes.EMPTY : b;
  }

  public static Builder builder(RoomKey owner) {
    Builder b = new Builder();
    b.owner = owner;
    return b;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.owner = owner;
    b.signingKey = signingKey;
    b.verifyingKey = verifyingKey;
    b.membership = membership;
    b.identityGeneration = identityGeneration;
    b.nickname = nickname;
    b.nicknameVersion = nicknameVersion;
    b.nicknameAskedAt = nicknameAskedAt;
    b.lastRead = lastRead;
    b.dmRead.putAll(dmRead);
    b.dmHidden.putAll(dmHidden);
    b.deputyMarks.putAll(deputyMarks);
    b.invitationSecrets.addAll(invitationSecrets);
    b.contractKey = contractKey;
    return b;
  }

  public RoomKey owner() {
    return owner;
  }

  public Bytes signingKey() {
    return signingKey;
  }

  public Bytes verifyingKey() {
    return verifyingKey;
  }

  public Bytes membership() {
    return membership;
  }

  public long identityGeneration() {
    return identityGeneration;
  }

  public String nickname() {
    return nickname;
  }

  public long nicknameVersion() {
    return nicknameVersion;
  }

  /**
   * When (clock millis) the user asked for {@link #nickname}, while no tab has seen it in the
   * room's member info yet; 0 once one has (or for a nickname set by joining or creating the room).
   */
  public long nicknameAskedAt() {
    return nicknameAskedAt;
  }

  public LastRead lastRead() {
    return lastRead;
  }

  /** Read marks of this room's direct-message threads, by the peer's member key. */
  public SortedMap<Bytes, LastRead> dmRead() {
    return dmRead;
  }

  /** The read mark of the thread with {@code peer} (NONE when nothing was read). */
  public LastRead dmRead(Bytes peer) {
    LastRead r = dmRead.get(peer);
    return r == null ? LastRead.NONE : r;
  }

  /** Hidden marks of this room's direct-message threads, by the peer's member key. */
  public SortedMap<Bytes, LastRead> dmHidden() {
    return dmHidden;
  }

  /** The hidden mark of the thread with {@code peer} (NONE when it was never hidden). */
  public LastRead dmHidden(Bytes peer) {
    LastRead r = dmHidden.get(peer);
    return r == null ? LastRead.NONE : r;
  }

  /** The user's deputy requests in this room, by member key ({@link DeputyMarks} stamps). */
  public SortedMap<Bytes, Long> deputyMarks() {
    return deputyMarks;
  }

  /**
   * A copy asking for {@code member} named (or not) as of {@code timeMillis}: the newest request of
   * this copy ({@link DeputyMarks#next}).
   */
  public RoomData withDeputyMark(Bytes member, long timeMillis, boolean named) {
    return toBuilder()
        .deputyMark(member, DeputyMarks.next(deputyMarks.get(member), timeMillis, named))
        .build();
  }

  public SortedSet<Bytes> invitationSecrets() {
    return invitationSecrets;
  }

  public Bytes contractKey() {
    return contractKey;
  }

  /**
   * A copy with a new nickname one version above this one, asked for at {@code askedAt} (clock
   * millis; 0: nothing to publish, as when a test sets it).
   */
  public RoomData withNickname(String newNickname, long askedAt) {
    return toBuilder()
        .nickname(newNickname)
        .nicknameVersion(nicknameVersion + 1)
        .nicknameAskedAt(askedAt)
        .build();
  }

  /** A copy whose nickname is known to be in the room's member info (same version). */
  public RoomData withNicknameLanded() {
    return toBuilder().nicknameAskedAt(0).build();
  }

  /** A copy whose last-read mark is the later of the current one and the given one. */
  public RoomData withRead(LastRead read) {
    return toBuilder().lastRead(LastRead.later(lastRead, read)).build();
  }

  /** A copy whose mark for the thread with {@code peer} is the later of the two. */
  public RoomData withDmRead(Bytes peer, LastRead read) {
    return toBuilder().dmRead(peer, LastRead.later(dmRead(peer), read)).build();
  }

  /**
   * A copy with the thread with {@code peer} hidden up to {@code upTo} (the later of that and its
   * hidden mark) and read up to it too: a hidden thread has nothing left to count.
   */
  public RoomData withDmHidden(Bytes peer, LastRead upTo) {
    return toBuilder()
        .dmHidden(peer, LastRead.later(dmHidden(peer), upTo))
        .dmRead(peer, LastRead.later(dmRead(peer), upTo))
        .build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RoomData)) {
      return false;
    }
    RoomData r = (RoomData) o;
    return owner.equals(r.owner)
        && signingKey.equals(r.signingKey)
        && verifyingKey.equals(r.verifyingKey)
        && membership.equals(r.membership)
        && identityGeneration == r.identityGeneration
        && nickname.equals(r.nickname)
        && nicknameVersion == r.nicknameVersion
        && nicknameAskedAt == r.nicknameAskedAt
        && lastRead.equals(r.lastRead)
        && dmRead.equals(r.dmRead)
        && dmHidden.equals(r.dmHidden)
        && deputyMarks.equals(r.deputyMarks)
        && invitationSecrets.equals(r.invitationSecrets)
        && contractKey.equals(r.contractKey);
  }

  @Override
  public int hashCode() {
    int h = owner.hashCode();
    h = h * 31 + signingKey.hashCode();
    h = h * 31 + (int) identityGeneration;
    h = h * 31 + nickname.hashCode();
    h = h * 31 + (int) nicknameVersion;
    h = h * 31 + (int) nicknameAskedAt;
    h = h * 31 + lastRead.hashCode();
    h = h * 31 + dmRead.hashCode();
    h = h * 31 + dmHidden.hashCode();
    h = h * 31 + deputyMarks.hashCode();
    h = h * 31 + invitationSecrets.hashCode();
    return h;
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return "RoomData{"
        + owner
        + " id#"
        + identityGeneration
        + " nick="
        + nickname
        + "/v"
        + nicknameVersion
        + (nicknameAskedAt == 0 ? "" : " asked@" + nicknameAskedAt)
        + " "
        + lastRead
        + " secrets="
        + invitationSecrets.size()
        + "}";
  }

  /** Mutable builder; every field but the owner has an empty default. */
  public static final class Builder {
    private RoomKey owner;
    private Bytes signingKey;
    private Bytes verifyingKey;
    private Bytes membership;
    private long identityGeneration;
    private String nickname;
    private long nicknameVersion;
    private long nicknameAskedAt;
    private LastRead lastRead;
    private final TreeMap<Bytes, LastRead> dmRead = new TreeMap<Bytes, LastRead>();
    private final TreeMap<Bytes, LastRead> dmHidden = new TreeMap<Bytes, LastRead>();
    private final TreeMap<Bytes, Long> deputyMarks = new TreeMap<Bytes, Long>();
    private final TreeSet<Bytes> invitationSecrets = new TreeSet<Bytes>();
    private Bytes contractKey;

    private Builder() {}

    public Builder signingKey(Bytes v) {
      signingKey = v;
      return this;
    }

    public Builder verifyingKey(Bytes v) {
      verifyingKey = v;
      return this;
    }

    public Builder membership(Bytes v) {
      membership = v;
      return this;
    }

    public Builder identityGeneration(long v) {
      identityGeneration = v;
      return this;
    }

    public Builder nickname(String v) {
      nickname = v;
      return this;
    }

    public Builder nicknameVersion(long v) {
      nicknameVersion = v;
      return this;
    }

    public Builder nicknameAskedAt(long v) {
      nicknameAskedAt = v;
      return this;
    }

    public Builder lastRead(LastRead v) {
      lastRead = v;
      return this;
    }

    public Builder dmRead(Bytes peer, LastRead v) {
      dmRead.put(peer, v);
      return this;
    }

    public Builder dmRead(Map<Bytes, LastRead> marks) {
      dmRead.clear();
      dmRead.putAll(marks);
      return this;
    }

    public Builder dmHidden(Bytes peer, LastRead v) {
      dmHidden.put(peer, v);
      return this;
    }

    public Builder dmHidden(Map<Bytes, LastRead> marks) {
      dmHidden.clear();
      dmHidden.putAll(marks);
      return this;
    }

    public Builder deputyMark(Bytes member, long stamp) {
      deputyMarks.put(member, stamp);
      return this;
    }

    public Builder deputyMarks(Map<Bytes, Long> marks) {
      deputyMarks.clear();
      deputyMarks.putAll(marks);
      return this;
    }

    public Builder addInvitationSecret(Bytes v) {
      invitationSecrets.add(v);
      return this;
    }

    public Builder invitationSecrets(Iterable<Bytes> v) {
      invitationSecrets.clear();
      for (Bytes b : v) {
        invitationSecrets.add(b);
      }
      return this;
    }

    public Builder contractKey(Bytes v) {
      contractKey = v;
      return this;
    }

    public RoomData build() {
      return new RoomData(this);
    }
  }
}
