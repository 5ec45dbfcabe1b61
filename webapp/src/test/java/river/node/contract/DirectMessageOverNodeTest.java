package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.actions.JceCrypto;
import river.node.store.SqliteDelegateStore;
import river.node.tools.WsClient;
import river.room.DirectMessage;
import river.room.DmDelete;
import river.room.RoomDelta;
import river.room.RoomValidator;
import river.room.UserBan;
import river.wire.ErrorCodes;

/**
 * Direct messages over the real node (the contract runs the shared validator): each forged DM or
 * tombstone is refused {@code invalid}, changes nothing and pushes nothing; and after a real DM
 * (P-256 ECDH + HKDF + AES-GCM, as the tabs seal it) the node's database holds no byte of the
 * plaintext, while the recipient opens it. Room: public; owner O invites A, B and C (the third
 * member); everyone signs through the node's own {@code Sign}, as any user can.
 */
class DirectMessageOverNodeTest {
  @TempDir Path dir;
  RoomOnNode on;
  WsClient a;
  WsClient b;
  WsClient c;
  byte[] aKey;
  byte[] bKey;
  byte[] cKey;

  @BeforeEach
  void start() throws Exception {
    on = new RoomOnNode(dir, false);
    a = on.connect();
    b = on.connect();
    c = on.connect();
    aKey = on.join(a);
    bKey = on.join(b);
    cKey = on.join(c);
    on.subscribe();
  }

  @AfterEach
  void stop() {
    on.close();
  }

  static DirectMessage.Copy copy(int bytes) {
    byte[] eph = new byte[65];
    eph[0] = 4;
    return new DirectMessage.Copy(eph, new byte[12], new byte[bytes]);
  }

  DirectMessage unsigned(byte[] from, byte[] to, long time, int bytes) {
    return new DirectMessage(on.room, from, to, time, copy(bytes), copy(32), new byte[0]);
  }

  /** Signed by {@code signer}'s node-held key. */
  RoomDelta dm(WsClient signer, DirectMessage m) throws Exception {
    return RoomDelta.builder()
        .directMessage(m.withSignature(on.sign(signer, "direct_message", m.signedBytes())))
        .build();
  }

  RoomDelta dm(WsClient signer, byte[] from, byte[] to) throws Exception {
    return dm(signer, unsigned(from, to, System.currentTimeMillis(), 40));
  }

  @Test
  void aDirectMessageSignedByAnyoneButItsSenderIsRefused() throws Exception {
    DirectMessage asA = unsigned(aKey, bKey, System.currentTimeMillis(), 40);
    WsClient.NodeError e =
        assertThrows(
            WsClient.NodeError.class, () -> on.sign(c, "direct_message", asA.signedBytes()));
    assertEquals(ErrorCodes.INVALID, e.code(), "C's node signs no DM in A's name");
    byte[] cSignature = on.sign(c, "direct_message", unsigned(cKey, bKey, 1, 40).signedBytes());
    on.refused(
        c,
        RoomDelta.builder().directMessage(asA.withSignature(cSignature)).build(),
        "not signed by its sender");
  }

  @Test
  void aDirectMessageToSomeoneWhoIsNotAMemberIsRefused() throws Exception {
    byte[] stranger = new byte[32];
    stranger[0] = 9;
    on.refused(a, dm(a, aKey, stranger), "is not a current member");
  }

  @Test
  void aBannedSenderIsRefused() throws Exception {
    UserBan ban = new UserBan(on.room, cKey, on.room, 5, new byte[0]);
    ban = ban.withSignature(on.sign(on.owner, "ban", ban.signedBytes()));
    on.update(on.owner, RoomDelta.builder().ban(ban).build());
    on.refused(c, dm(c, cKey, aKey), "sender");
  }

  @Test
  void aDirectMessageToOneselfIsRefused() throws Exception {
    on.refused(a, dm(a, aKey, aKey), "sender and recipient are the same");
  }

  @Test
  void anOversizedCopyIsRefused() throws Exception {
    DirectMessage big =
        unsigned(aKey, bKey, System.currentTimeMillis(), DirectMessage.MAX_CIPHERTEXT_BYTES + 1);
    on.refused(a, dm(a, big), "limit " + DirectMessage.MAX_CIPHERTEXT_BYTES);
  }

  @Test
  void aDirectMessageDatedTooFarAheadIsRefused() throws Exception {
    long ahead = System.currentTimeMillis() + RoomValidator.MAX_FUTURE_MILLIS + 60_000;
    on.refused(a, dm(a, unsigned(aKey, bKey, ahead, 40)), "5 minutes ahead");
  }

  @Test
  void aTombstoneByAThirdMemberIsRefused() throws Exception {
    RoomDelta sent = dm(a, aKey, bKey);
    on.update(a, sent);
    DmDelete d = DmDelete.of(sent.directMessages().get(0), cKey, System.currentTimeMillis());
    d = d.withSignature(on.sign(c, "dm_delete", d.signedBytes()));
    on.refused(
        c, RoomDelta.builder().dmDelete(d).build(), "only the sender or the recipient may delete");
    assertEquals(1, on.state().directMessages().size());
  }

  @Test
  void moreThanAHundredDirectMessagesForOnePairAtOnceAreRefused() throws Exception {
    RoomDelta.Builder many = RoomDelta.builder();
    long t = System.currentTimeMillis() - 1000;
    for (int i = 0; i <= 100; i++) {
      DirectMessage m = unsigned(aKey, bKey, t + i, 20);
      many.directMessage(m.withSignature(on.sign(a, "direct_message", m.signedBytes())));
    }
    on.refused(a, many.build(), "more than 100 at once");
  }

  @Test
  void theRecipientDeletesAndTheDirectMessageIsGone() throws Exception {
    RoomDelta sent = dm(a, aKey, bKey);
    on.update(a, sent);
    DmDelete d = DmDelete.of(sent.directMessages().get(0), bKey, System.currentTimeMillis());
    d = d.withSignature(on.sign(b, "dm_delete", d.signedBytes()));
    on.update(b, RoomDelta.builder().dmDelete(d).build());
    assertTrue(on.state().directMessages().isEmpty());
    on.refused(a, sent, "it was deleted");
  }

  @Test
  void theNodesDatabaseHoldsNoPlaintextOfADirectMessage() throws Exception {
    JceCrypto crypto = new JceCrypto();
    byte[][] aPair = keyPair(crypto);
    byte[][] bPair = keyPair(crypto);
    String secret = "meet at the old mill, 7 o'clock";
    byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
    DirectMessage.Copy toB = seal(crypto, plain, bPair[0], DirectMessage.TO_RECIPIENT);
    DirectMessage.Copy toA = seal(crypto, plain, aPair[0], DirectMessage.TO_SENDER);
    DirectMessage m =
        new DirectMessage(on.room, aKey, bKey, System.currentTimeMillis(), toB, toA, new byte[0]);
    on.update(a, dm(a, m));
    DirectMessage stored = on.state().directMessages().get(0);

    // the recipient opens it: the stored bytes are the real ciphertext
    String[] opened = new String[1];
    crypto.unwrap(
        bPair[1],
        stored.toRecipient().ephemeral(),
        stored.infoFor(bKey),
        stored.toRecipient().nonce(),
        stored.toRecipient().ciphertext(),
        p -> opened[0] = new String(p, StandardCharsets.UTF_8),
        f -> {});
    assertEquals(secret, opened[0]);

    // the room's row holds the DM, and no file or row of the node holds the words
    List<byte[]> rows = contractRows();
    assertFalse(rows.isEmpty());
    boolean holdsTheDm = false;
    for (byte[] row : rows) {
      assertFalse(contains(row, plain), "a stored row holds the plaintext");
      holdsTheDm |= contains(row, stored.toRecipient().ciphertext());
    }
    assertTrue(holdsTheDm, "the room's stored state holds the DM's ciphertext");
    try (Stream<Path> files = Files.walk(on.node.dataDir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        assertFalse(contains(Files.readAllBytes(f), plain), "the plaintext is in " + f);
      }
    }
  }

  /** A P-256 pair as a tab makes it: {raw public key, PKCS#8 private key}. */
  static byte[][] keyPair(JceCrypto crypto) {
    byte[][] out = new byte[2][];
    crypto.newKeyPair(
        (pub, priv) -> {
          out[0] = pub;
          out[1] = priv;
        },
        f -> {});
    return out;
  }

  DirectMessage.Copy seal(JceCrypto crypto, byte[] plain, byte[] to, int which) {
    DirectMessage.Copy[] out = new DirectMessage.Copy[1];
    byte[] info = DirectMessage.copyInfo(on.room, aKey, bKey, which);
    crypto.wrap(
        plain,
        List.of(to),
        List.of(info),
        (eph, wraps) -> {
          byte[] w = wraps.get(0);
          byte[] nonce = java.util.Arrays.copyOf(w, 12);
          byte[] ct = java.util.Arrays.copyOfRange(w, 12, w.length);
          out[0] = new DirectMessage.Copy(eph, nonce, ct);
        },
        f -> {});
    return out[0];
  }

  /** Every room contract row in the node's SQLite database, as stored. */
  List<byte[]> contractRows() throws Exception {
    Path db;
    try (Stream<Path> files = Files.walk(on.node.dataDir)) {
      db =
          files
              .filter(p -> p.getFileName().toString().equals(SqliteDelegateStore.DB_FILE))
              .findFirst()
              .orElseThrow();
    }
    List<byte[]> out = new ArrayList<>();
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs =
            conn.createStatement()
                .executeQuery("SELECT value FROM kv WHERE user_id = '" + ContractHost.USER + "'")) {
      while (rs.next()) {
        out.add(rs.getBytes(1));
      }
    }
    return out;
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
