/**
 * The room contract: a room's signed, mergeable state and every decision about it, as pure
 * functions shared by the node (which validates) and the browser (which builds what it asks the
 * node to sign). The contract key is the room owner's 32-byte Ed25519 verifying key.
 *
 * <ul>
 *   <li>Items, each {"body": {...}, "signature"} signed over the canonical CBOR of its body: {@link
 *       river.room.RoomConfig} (owner), {@link river.room.AuthorizedMember} (inviter), {@link
 *       river.room.MemberInfo} (member or owner), {@link river.room.UserBan} (banner), {@link
 *       river.room.RoomMessage} (author). Sealed content: {@link river.room.SealedBytes}. Ids:
 *       member id = verifying key; message and ban id = signature.
 *   <li>{@link river.room.RoomState} (canonical), {@link river.room.RoomDelta} (what travels),
 *       {@link river.room.RoomSummary} (what a side has; {@code deltaFor} = what it lacks), {@link
 *       river.room.RoomMerge} (union + cleanup), {@link river.room.RoomValidator} and {@link
 *       river.room.RoomContract} (validate + merge, for Put and Update), {@link
 *       river.room.MessageView} (edits, deletes, reactions, replies as readers see them), {@link
 *       river.room.Invitation} (portable codes), {@link river.room.SigningPurpose} (what a
 *       node-held key may sign).
 * </ul>
 *
 * <p>Browser flow (delegate variants go to the current chat delegate; contract ops are Op.Get / Put
 * / Update / Subscribe with key = room owner key): create a room = CreateSigningKey{null} (room =
 * returned key), build RoomConfig + the owner's MemberInfo, Sign each (config, member_info), Put
 * {config, member_info}, Get{subscribe}. Invite = NewInviteeKey{room}, build AuthorizedMember{room,
 * invitee key, my key}, Sign(member), encode an Invitation. Join = decode the code,
 * StoreSigningKey{room, seed}, Subscribe, Sign(member_info) for my nickname, Update {membership,
 * member_info}. Send / reply / edit / delete / react / unreact = build a RoomMessage of that kind
 * (targets are message ids), Sign(message), Update {message}. Nickname = MemberInfo with version +
 * 1, Sign(member_info), Update. Ban = UserBan, Sign(ban), Update (owner or an inviter up the
 * chain). Every change arrives as ContractUpdated{key, full state}.
 */
package river.room;
