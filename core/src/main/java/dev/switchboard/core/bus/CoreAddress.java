package dev.switchboard.core.bus;

/**
 * Event-bus addresses served by the core verticle. Messages are the records of this package, sent with
 * {@link LocalCodec} and {@code DeliveryOptions.setLocalOnly(true)} (see {@link CoreBus}).
 *
 * <table>
 *   <tr><th>address</th><th>body</th><th>reply</th></tr>
 *   <tr><td>{@link #SESSION_OPEN}</td><td>{@link OpenSession}</td><td>{@link SessionOpened}</td></tr>
 *   <tr><td>{@link #CALL}</td><td>{@link CoreCall}</td><td>{@link CoreReply}</td></tr>
 *   <tr><td>{@link #SESSION_CLOSE}</td><td>{@link CloseSession}</td><td>none</td></tr>
 *   <tr><td>{@link #CLIENT_MESSAGE}</td><td>{@link ClientMessage}</td><td>none</td></tr>
 *   <tr><td>{@link #SESSION_LISTEN}</td><td>{@link ListenSession}</td><td>none; then {@link StreamMessage} and
 *   {@link ViewChanged} to the given address</td></tr>
 *   <tr><td>{@link #SESSION_UNLISTEN}</td><td>{@link StopListening}</td><td>none</td></tr>
 * </table>
 *
 * A failure reply ({@code ReplyException}) carries a JSON-RPC error code as its failure code. A core verticle may
 * also serve the first three on private addresses of its event loop ({@link LoopAddresses}).
 */
public final class CoreAddress {
  public static final String SESSION_OPEN = "switchboard.core.session.open";
  public static final String CALL = "switchboard.core.call";
  public static final String SESSION_CLOSE = "switchboard.core.session.close";
  public static final String CLIENT_MESSAGE = "switchboard.core.client.message";
  public static final String SESSION_LISTEN = "switchboard.core.session.listen";
  public static final String SESSION_UNLISTEN = "switchboard.core.session.unlisten";

  private CoreAddress() {
  }
}
