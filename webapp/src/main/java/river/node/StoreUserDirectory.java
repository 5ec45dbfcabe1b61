package river.node;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import river.node.http.ServiceUnavailableException;
import river.node.http.UserDirectory;
import river.node.store.DelegateStore;
import river.node.ws.ErrorTranslation;
import river.wire.ErrorCodes;
import river.wire.WireException;

/** Users live in the delegate store's database (token hashes only), durable before an answer. */
final class StoreUserDirectory implements UserDirectory {
  private final DelegateStore store;

  StoreUserDirectory(DelegateStore store) {
    this.store = store;
  }

  @Override
  public String register(byte[] tokenHash) throws IOException {
    return await(store.createUser(tokenHash).toCompletableFuture());
  }

  @Override
  public String find(byte[] tokenHash) throws IOException {
    return await(store.lookupUserByTokenHash(tokenHash)).orElse(null);
  }

  private static <T> T await(CompletableFuture<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      WireException answer = ErrorTranslation.toWire(cause, "user directory");
      if (ErrorCodes.UNAVAILABLE.equals(answer.code())) {
        throw new ServiceUnavailableException(answer.getMessage(), cause);
      }
      throw new IOException("user directory failed: " + cause, cause);
    }
  }
}
