package river.client.app;

import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.OpResult;

/**
 * Typed one-liners over {@link NodeLink} for the multi-step flows (create a room, invite, join): a
 * delegate request to the current delegate answered by one expected response type, or a contract
 * op. Failures of any step go to one error callback with a readable message.
 */
final class NodeCalls {
  interface Then<T> {
    void accept(T value);
  }

  interface Fail {
    void fail(String message);
  }

  private final NodeLink node;

  NodeCalls(NodeLink node) {
    this.node = node;
  }

  <T extends DelegateResponse> void delegate(
      DelegateRequest request, Class<T> expected, Then<T> then, Fail fail) {
    node.request(
        new Op.Delegate(DelegateKeys.current(), request),
        new NodeLink.Callback() {
          @Override
          public void onResult(OpResult result) {
            DelegateResponse r =
                result instanceof OpResult.Delegate
                    ? ((OpResult.Delegate) result).response()
                    : null;
            if (r != null && r.getClass() == expected) {
              @SuppressWarnings("unchecked")
              T typed = (T) r;
              then.accept(typed);
            } else {
              fail.fail("unexpected answer to " + request.variantName());
            }
          }

          @Override
          public void onError(String code, String message) {
            fail.fail(message);
          }
        });
  }

  void sign(byte[] room, String purpose, byte[] bytes, Then<byte[]> then, Fail fail) {
    delegate(
        new DelegateRequest.Sign(room, purpose, bytes),
        DelegateResponse.Signature.class,
        s -> then.accept(s.signature()),
        fail);
  }

  void contract(Op op, Then<OpResult> then, Fail fail) {
    node.request(
        op,
        new NodeLink.Callback() {
          @Override
          public void onResult(OpResult result) {
            then.accept(result);
          }

          @Override
          public void onError(String code, String message) {
            fail.fail(message);
          }
        });
  }
}
