package river.node.http;

import java.io.IOException;

/** Maps a token hash to a stable user id. Implemented by the node's durable store. */
public interface UserDirectory {
  /** Registers a new user for this token hash and returns its id; durable before returning. */
  String register(byte[] tokenHash) throws IOException;

  /** The user id for this token hash, or null when no such user exists. */
  String find(byte[] tokenHash) throws IOException;
}
