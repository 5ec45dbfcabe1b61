package river.identity;

/**
 * Why an identity block (or a backup) was refused, with the sentence the user reads. A refusal
 * changes nothing: decoding happens before anything of the profile is touched.
 */
public enum IdentityRefusal {
  MALFORMED_ARMOR(
      "This is not a River identity block. Paste the whole block, from the line"
          + " -----BEGIN RIVER IDENTITY----- to the line -----END RIVER IDENTITY-----."),
  TRUNCATED("This identity block is incomplete: part of it was lost when it was copied."),
  WRONG_VERSION(
      "This identity block was made by a newer version of River and cannot be read here."),
  CHECKSUM_MISMATCH("This identity block was changed or damaged: its check does not match."),
  MALFORMED("This identity block is damaged and cannot be read."),
  KEY_MISMATCH("The signing key in this identity block is not the key of its membership."),
  WRONG_ROOM("The membership in this identity block is not valid for its room."),
  OWNER_HELD(
      "You own this room in this profile. Importing another identity here would give up the"
          + " room's owner key, so it was not imported.");

  private final String text;

  IdentityRefusal(String text) {
    this.text = text;
  }

  /** The plain-language reason shown to the user. */
  public String text() {
    return text;
  }
}
