package river.node.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.node.store.DelegateStore;
import river.room.AuthorizedMember;
import river.room.MessageKind;
import river.room.RoomConfig;
import river.room.RoomMessage;
import river.room.SealedBytes;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.WireException;

/** Keys are per user, sign only canonical room items their key may sign, and stay hidden. */
class SigningKeysTest {
  @TempDir Path dir;
  DelegateStore store;
  SigningKeys keys;

  @BeforeEach
  void open() throws Exception {
    store = DelegateStore.open(dir);
    keys = new SigningKeys(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  DelegateResponse call(String user, DelegateRequest r) {
    return keys.handle(user, r).toCompletableFuture().join();
  }

  String refusal(String user, DelegateRequest r) {
    CompletionStage<DelegateResponse> f = keys.handle(user, r);
    try {
      f.toCompletableFuture().join();
    } catch (CompletionException e) {
      WireException w = (WireException) e.getCause();
      assertEquals(ErrorCodes.INVALID, w.code());
      return w.getMessage();
    }
    return fail("expected a refusal");
  }

  byte[] newRoom(String user) {
    return ((DelegateResponse.SigningKey) call(user, new DelegateRequest.CreateSigningKey(null)))
        .room();
  }

  static RoomConfig config(byte[] room) {
    return new RoomConfig(
        room,
        1,
        SealedBytes.publicBytes("r".getBytes()),
        SealedBytes.publicBytes(new byte[0]),
        false,
        0,
        RoomConfig.defaultLimits(),
        new byte[0]);
  }

  @Test
  void ownerKeySignsTheConfigAndTheSignatureVerifies() {
    byte[] room = newRoom("u1");
    RoomConfig c = config(room);
    DelegateResponse.Signature s =
        (DelegateResponse.Signature)
            call("u1", new DelegateRequest.Sign(room, "config", c.signedBytes()));
    assertEquals("config", s.purpose());
    assertTrue(Ed25519Jdk.INSTANCE.verify(room, c.signedBytes(), s.signature()));
    DelegateResponse.PublicKey pk =
        (DelegateResponse.PublicKey) call("u1", new DelegateRequest.GetPublicKey(room));
    assertArrayEquals(room, pk.publicKey(), "an owner key's room is its own public key");
  }

  @Test
  void anotherUserCannotUseTheKey() {
    byte[] room = newRoom("u1");
    assertEquals(
        "no signing key for this room",
        refusal("u2", new DelegateRequest.Sign(room, "config", config(room).signedBytes())));
    assertNull(
        ((DelegateResponse.PublicKey) call("u2", new DelegateRequest.GetPublicKey(room)))
            .publicKey());
  }

  @Test
  void keysAreInvisibleToPlainDelegateReads() {
    newRoom("u1");
    assertTrue(store.listKeys("u1", DelegateKeys.current()).join().isEmpty());
    assertEquals(1, store.listKeys("#signing/u1", SigningKeys.NAMESPACE).join().size());
  }

  @Test
  void signingIsRefusedForTheWrongPurposeRoomOrSigner() {
    byte[] room = newRoom("u1");
    byte[] other = newRoom("u1");
    byte[] configBytes = config(room).signedBytes();
    assertTrue(
        refusal("u1", new DelegateRequest.Sign(room, "message", configBytes))
            .startsWith("message body"));
    assertEquals(
        "config body is for another room",
        refusal("u1", new DelegateRequest.Sign(other, "config", configBytes)));
    assertTrue(
        refusal("u1", new DelegateRequest.Sign(room, "poem", configBytes))
            .startsWith("purpose must be"));
    // a message claiming another author
    RoomMessage m =
        new RoomMessage(
            room,
            other,
            1,
            MessageKind.TEXT,
            null,
            SealedBytes.publicBytes("hi".getBytes()),
            new byte[0]);
    assertEquals(
        "this key is not the signer of that message",
        refusal("u1", new DelegateRequest.Sign(room, "message", m.signedBytes())));
    // arbitrary bytes are never signed
    assertEquals(
        "config body is not CBOR",
        refusal("u1", new DelegateRequest.Sign(room, "config", new byte[] {(byte) 0xff})));
  }

  @Test
  void nonCanonicalBytesAreRefused() {
    byte[] room = newRoom("u1");
    byte[] canonical = config(room).signedBytes();
    // the same map with a trailing unknown field is not the canonical body
    CborMap.Builder b = CborMap.builder();
    Cbor.decode(canonical).entries().forEach(e -> b.put(e.key(), e.value()));
    byte[] padded = Cbor.encode(b.put("extra", CborItem.uint(1)).build());
    assertEquals(
        "config body is not in canonical form",
        refusal("u1", new DelegateRequest.Sign(room, "config", padded)));
  }

  @Test
  void importedInviteeKeySignsItsMembershipInfo() {
    byte[] room = newRoom("owner");
    DelegateResponse.InviteeKey invitee =
        (DelegateResponse.InviteeKey) call("owner", new DelegateRequest.NewInviteeKey(room));
    assertArrayEquals(invitee.publicKey(), Ed25519Jdk.INSTANCE.publicKey(invitee.privateKey()));
    AuthorizedMember m = new AuthorizedMember(room, invitee.publicKey(), room, new byte[0]);
    assertTrue(
        Ed25519Jdk.INSTANCE.verify(
            room,
            m.signedBytes(),
            ((DelegateResponse.Signature)
                    call("owner", new DelegateRequest.Sign(room, "member", m.signedBytes())))
                .signature()));
    DelegateResponse.SigningKey stored =
        (DelegateResponse.SigningKey)
            call("guest", new DelegateRequest.StoreSigningKey(room, invitee.privateKey()));
    assertArrayEquals(invitee.publicKey(), stored.publicKey());
    // the invitee may not sign as the inviter
    assertEquals(
        "this key is not the signer of that member",
        refusal("guest", new DelegateRequest.Sign(room, "member", m.signedBytes())));
  }

  @Test
  void anImportWhoseKeyIsNotTheExpectedOneIsRefusedAndKeepsTheHeldKey() {
    byte[] room = newRoom("owner");
    DelegateResponse.InviteeKey real =
        (DelegateResponse.InviteeKey) call("owner", new DelegateRequest.NewInviteeKey(room));
    DelegateResponse.InviteeKey other =
        (DelegateResponse.InviteeKey) call("owner", new DelegateRequest.NewInviteeKey(room));
    call("guest", new DelegateRequest.StoreSigningKey(room, real.privateKey(), real.publicKey()));
    assertEquals(
        "this private key is not the key of the invited member",
        refusal(
            "guest",
            new DelegateRequest.StoreSigningKey(room, other.privateKey(), real.publicKey())));
    assertArrayEquals(
        real.publicKey(),
        ((DelegateResponse.PublicKey) call("guest", new DelegateRequest.GetPublicKey(room)))
            .publicKey(),
        "the refused import replaced nothing");
  }

  @Test
  void anExportedKeyImportedByAnotherUserSignsAsTheSameMember() {
    byte[] room = newRoom("owner");
    DelegateResponse.ExportedKey exported =
        (DelegateResponse.ExportedKey) call("owner", new DelegateRequest.ExportSigningKey(room));
    assertArrayEquals(room, exported.publicKey(), "the owner's key is the room key");
    assertEquals(32, exported.privateKey().length);
    call(
        "profile2",
        new DelegateRequest.StoreSigningKey(room, exported.privateKey(), exported.publicKey()));
    RoomConfig c = config(room);
    byte[] sig =
        ((DelegateResponse.Signature)
                call("profile2", new DelegateRequest.Sign(room, "config", c.signedBytes())))
            .signature();
    assertTrue(Ed25519Jdk.INSTANCE.verify(room, c.signedBytes(), sig));
  }

  @Test
  void aUserWithoutAKeyInTheRoomHasNothingToExport() {
    byte[] room = newRoom("owner");
    assertEquals(
        "no signing key for this room",
        refusal("guest", new DelegateRequest.ExportSigningKey(room)));
  }

  @Test
  void creatingOverAnExistingKeyIsRefused() {
    byte[] room = newRoom("u1");
    assertEquals(
        "a signing key for this room exists already",
        refusal("u1", new DelegateRequest.CreateSigningKey(room)));
  }

  @Test
  void verifierSaysFalseForMalformedInput() {
    byte[] seed = Ed25519Jdk.newSeed();
    byte[] pub = Ed25519Jdk.INSTANCE.publicKey(seed);
    byte[] sig = Ed25519Jdk.INSTANCE.sign(seed, new byte[] {1});
    assertTrue(Ed25519Jdk.INSTANCE.verify(pub, new byte[] {1}, sig));
    assertFalse(Ed25519Jdk.INSTANCE.verify(pub, new byte[] {2}, sig));
    assertFalse(Ed25519Jdk.INSTANCE.verify(new byte[31], new byte[] {1}, sig));
    assertFalse(Ed25519Jdk.INSTANCE.verify(pub, new byte[] {1}, new byte[64]));
    byte[] notOnCurve = new byte[32];
    Arrays.fill(notOnCurve, (byte) 0xff);
    assertFalse(Ed25519Jdk.INSTANCE.verify(notOnCurve, new byte[] {1}, sig));
  }

  @Test
  void malleatedSignatureIsRefused() {
    // S + L verifies under a lax verifier; the item id is the signature, so that would let anyone
    // copy a message under a second id
    byte[] seed = Ed25519Jdk.newSeed();
    byte[] pub = Ed25519Jdk.INSTANCE.publicKey(seed);
    byte[] sig = Ed25519Jdk.INSTANCE.sign(seed, new byte[] {1});
    java.math.BigInteger l =
        java.math.BigInteger.TWO
            .pow(252)
            .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
    byte[] sLe = Arrays.copyOfRange(sig, 32, 64);
    byte[] sBe = new byte[32];
    for (int i = 0; i < 32; i++) {
      sBe[i] = sLe[31 - i];
    }
    byte[] big = new java.math.BigInteger(1, sBe).add(l).toByteArray();
    byte[] malleated = sig.clone();
    Arrays.fill(malleated, 32, 64, (byte) 0);
    for (int i = 0; i < big.length && i < 32; i++) {
      malleated[32 + i] = big[big.length - 1 - i];
    }
    assertFalse(Ed25519Jdk.INSTANCE.verify(pub, new byte[] {1}, malleated));
  }

  @Test
  void rfc8032TestVectorOne() {
    HexFormat h = HexFormat.of();
    byte[] seed = h.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    assertEquals(
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        h.formatHex(Ed25519Jdk.INSTANCE.publicKey(seed)));
    assertEquals(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        h.formatHex(Ed25519Jdk.INSTANCE.sign(seed, new byte[0])));
  }

  @Test
  void signingVariantsRoundTripOnTheWire() {
    byte[] r = new byte[32];
    List<DelegateRequest> reqs =
        List.of(
            new DelegateRequest.CreateSigningKey(null),
            new DelegateRequest.CreateSigningKey(r),
            new DelegateRequest.NewInviteeKey(r),
            new DelegateRequest.StoreSigningKey(r, new byte[32]),
            new DelegateRequest.GetPublicKey(r),
            new DelegateRequest.Sign(r, "ban", new byte[] {1}));
    for (DelegateRequest q : reqs) {
      assertEquals(q, DelegateRequest.fromCbor(q.toCbor()));
      assertTrue(keys.handles(q));
    }
    assertFalse(keys.handles(DelegateRequest.LIST));
    List<DelegateResponse> resps =
        List.of(
            new DelegateResponse.SigningKey(r, r),
            new DelegateResponse.InviteeKey(r, r, r),
            new DelegateResponse.PublicKey(r, null),
            new DelegateResponse.PublicKey(r, r),
            new DelegateResponse.Signature(r, "ban", r));
    for (DelegateResponse p : resps) {
      assertEquals(p, DelegateResponse.fromCbor(p.toCbor()));
    }
    assertEquals(
        "{\"CreateSigningKey\": {\"room\": null}}",
        new DelegateRequest.CreateSigningKey(null).toCbor().toString());
  }
}
