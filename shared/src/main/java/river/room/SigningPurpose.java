package river.room;

import java.util.Arrays;
import river.cbor.Cbor;
import river.cbor.CborException;

/**
 * What a node-held key may sign, and the check that comes with it: the bytes must be the canonical
 * body of that item (decode, re-encode, same bytes), bound to the key's room, and the key must be
 * the item's rightful signer (message: author; member: inviter; member_info: the member or the room
 * owner; config and secret rotation: the owner; ban: the banner; direct message: the sender; DM
 * tombstone: the deleting party). Hazard avoided: a signing service that signs any bytes is an
 * oracle that forges whatever verifies under the user's key.
 */
public enum SigningPurpose {
  MESSAGE("message"),
  MEMBER("member"),
  MEMBER_INFO("member_info"),
  CONFIG("config"),
  BAN("ban"),
  SECRET_ROTATION("secret_rotation"),
  DIRECT_MESSAGE("direct_message"),
  DM_DELETE("dm_delete");

  private final String wireName;

  SigningPurpose(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static SigningPurpose fromWire(String name) {
    for (SigningPurpose p : values()) {
      if (p.wireName.equals(name)) {
        return p;
      }
    }
    throw new RoomValidationException("unknown signing purpose");
  }

  /** RoomValidationException unless {@code signer} may sign {@code bytes} for {@code room}. */
  public void check(byte[] room, byte[] signer, byte[] bytes) {
    ItemReader body;
    try {
      body = ItemReader.of(Cbor.decode(bytes), wireName + " body");
    } catch (CborException e) {
      throw new RoomValidationException(wireName + " body is not CBOR");
    }
    SignedItem item;
    try {
      item = parse(body);
    } catch (IllegalArgumentException e) {
      throw new RoomValidationException(wireName + " body: " + e.getMessage());
    }
    if (!Arrays.equals(item.signedBytes(), bytes)) {
      throw new RoomValidationException(wireName + " body is not in canonical form");
    }
    if (!Arrays.equals(body.key("room"), room)) {
      throw new RoomValidationException(wireName + " body is for another room");
    }
    boolean ok =
        Arrays.equals(item.expectedSigner(), signer)
            || (this == MEMBER_INFO && Arrays.equals(room, signer));
    if (!ok) {
      throw new RoomValidationException("this key is not the signer of that " + wireName);
    }
  }

  private SignedItem parse(ItemReader b) {
    byte[] none = new byte[0];
    switch (this) {
      case MESSAGE:
        return RoomMessage.fromBody(b, none);
      case MEMBER:
        return AuthorizedMember.fromBody(b, none);
      case MEMBER_INFO:
        return MemberInfo.fromBody(b, none);
      case CONFIG:
        return RoomConfig.fromBody(b, none);
      case SECRET_ROTATION:
        return SecretRotation.fromBody(b, none);
      case DIRECT_MESSAGE:
        return DirectMessage.fromBody(b, none);
      case DM_DELETE:
        return DmDelete.fromBody(b, none);
      default:
        return UserBan.fromBody(b, none);
    }
  }
}
