/**
 * The node jar's tools: everything the jar offers besides serving, kept apart from the node's
 * runtime packages so that a reader of the node meets only what runs in it.
 *
 * <ul>
 *   <li>{@code tools.inspect}: {@code cbor-diag} ({@code CborDiagCommand}) and {@code inspect}
 *       ({@code DelegateInspect}, a read-only look at every user's delegate keys).
 *   <li>{@code tools.seed}: {@code seed-legacy} ({@code SeedLegacy}), a legacy {@code rooms_data}
 *       blob for upgrade tests and the benchmark.
 *   <li>{@code tools.bench}: {@code bench} ({@code DelegateBench}, durable CAS over WebSockets),
 *       {@code bench-suite} ({@code BenchSuite} and its parts; {@code TabDriver} runs the tabs'
 *       real {@code TabSession} engines over WebSockets) and {@code StoreBench} (the store alone).
 *   <li>{@link river.node.tools.WsClient}: a WebSocket client of the node's protocol, for the
 *       benchmarks, the webapp tests and e2e; {@link river.node.tools.ToolToken}: where a tool
 *       reads a profile token from (never the command line).
 * </ul>
 *
 * <p>The direction is one way: tools use the node's packages, the node's packages never use tools
 * ({@code RuntimeDoesNotUseToolsTest}). The one meeting point is {@code river.node.Main}, the jar's
 * command line, which dispatches the subcommands.
 */
package river.node.tools;
