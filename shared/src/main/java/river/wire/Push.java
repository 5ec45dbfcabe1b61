package river.wire;

import river.cbor.CborItem;
import river.cbor.CborMap;

/** Unsolicited node → client frame {"push": Event} (no id). */
public final class Push extends ServerFrame {
  private final Event event;

  public Push(Event event) {
    if (event == null) {
      throw new NullPointerException("event");
    }
    this.event = event;
  }

  public Event event() {
    return event;
  }

  @Override
  public CborItem toCbor() {
    return CborMap.builder().put("push", event.toCbor()).build();
  }
}
