package river.identity;

/** Why a backup file could not be restored, with the sentence the user reads. Nothing changed. */
public enum BackupRefusal {
  NO_PASSPHRASE("Enter the passphrase the backup was made with."),
  NOT_A_BACKUP("This file is not a River profile backup."),
  NEWER_VERSION("This backup was made by a newer version of River and cannot be read here."),
  WRONG_PASSPHRASE("The passphrase is wrong, or the backup file is damaged."),
  DAMAGED("The backup file is damaged and cannot be read.");

  private final String text;

  BackupRefusal(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
