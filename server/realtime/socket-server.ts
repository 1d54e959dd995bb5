import { randomUUID } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import type { Logger } from "pino";
import { Server, type Socket } from "socket.io";
import type { z } from "zod";
import {
  ClientEventSchemas,
  type ClientEventName,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerToClientEvents,
} from "../contracts/index.js";
import { MAX_SOCKET_MESSAGE_BYTES } from "../contracts/index.js";
import { createAddressByteBudget, limitIncomingBytes } from "./byte-budget.js";
import { ServiceError, type InterviewService } from "../interview/index.js";
import { hostAllowed, limitedMessage, originAllowed, type RateLimits } from "../limits/index.js";
import { secondsSince, type Metrics } from "../metrics/index.js";
import type { Teams } from "../teams/index.js";
import { acklessLogFor } from "./ackless-log.js";
import { describeZodError, toAckError, type AckFn } from "./acks.js";
import { clientAddress } from "./client-address.js";
import { payloadShapeProblem } from "./payload-shape.js";

/** Rate-limited refusals one connection may collect before it is closed (honest clients wait out retryAfterMs). */
export const REFUSALS_BEFORE_DISCONNECT = 50;

type SocketData = { sessions: Set<string>; address: string; refusals: number };

export type SocketServerOptions = {
  /** Rate limits per connection, per address and global; none when absent (unit harnesses). */
  limits?: RateLimits | null;
  /** Read the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Browser origins allowed besides this server's own ("*" allows any). */
  allowedOrigins?: readonly string[];
  /** Host names the handshake may name (DNS rebinding, server/limits/host.ts); null or absent: any. */
  allowedHosts?: readonly string[] | null;
  /** Ack counts and latencies by event and outcome; none when absent. */
  metrics?: Metrics | null;
  /** Bytes all connections of one address may send per window (default INCOMING_BYTES_PER_ADDRESS). */
  bytesPerAddress?: number;
  /** The clock the incoming-byte budget reads (tests inject one). */
  now?: () => number;
  /** A client started or resumed a session from its address (grading takes turns between addresses). */
  onSessionHeld?: ((sessionId: string, address: string) => void) | undefined;
};
export type InterviewIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type InterviewSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type PayloadOf<E extends ClientEventName> = z.output<(typeof ClientEventSchemas)[E]>;
const CLIENT_EVENTS = Object.keys(ClientEventSchemas) as ClientEventName[];

export const roomOf = (sessionId: string) => `session:${sessionId}`;

/** The session an event's raw payload names, for its log lines (cut short: it is not validated yet). */
function sessionOf(value: unknown): { sessionId?: string } {
  return value && typeof value === "object" && typeof (value as { sessionId?: unknown }).sessionId === "string"
    ? { sessionId: (value as { sessionId: string }).sessionId.slice(0, 64) }
    : {};
}

/** Bind one client event: validate with zod, run, ack {ok,data}|{ok:false,error}, then any follow-on work. */
function bind<E extends ClientEventName, R>(
  socket: InterviewSocket,
  event: E,
  context: { logger: Logger; limits: RateLimits | null; metrics: Metrics | null },
  handler: (payload: PayloadOf<E>) => Promise<{ data: R; afterAck?: (() => Promise<void>) | undefined }>,
): void {
  const { limits, metrics } = context;
  // Indexing the map with a generic key loses the per-event type; restore it once here.
  const schema = ClientEventSchemas[event] as unknown as z.ZodType<PayloadOf<E>>;
  const onEvent = async (...args: unknown[]) => {
    const started = performance.now();
    const given = (typeof args.at(-1) === "function" ? args.at(-1) : null) as AckFn<R> | null;
    const raw = given && args.length === 1 ? undefined : args[0];
    // Every log line about this event carries its request id, the connection and (once known) the session.
    // Made on first use: most events log nothing, and a refused flood must cost no id and no child logger.
    let child: Logger | null = null;
    const logger = () => (child ??= context.logger.child({ requestId: randomUUID(), event, socket: socket.id, ...sessionOf(raw) }));
    const ack: AckFn<R> | null = given
      ? (result) => {
          const outcome = result.ok ? "ok" : result.error.code;
          metrics?.acks.inc({ event, outcome });
          const seconds = secondsSince(started);
          metrics?.ackSeconds.observe({ event, outcome }, seconds);
          if (context.logger.isLevelEnabled("debug")) logger().debug({ outcome, ms: Math.round(seconds * 1000) }, "ack");
          given(result);
        }
      : null;
    // Cheapest checks first: the rate limit, then the payload's shape, and only then zod.
    const limited = limits ? await limits.socketEvent(socket.id, socket.data.address, event) : null;
    if (!ack) {
      // Counted and summarised, not one line per event: a client must not be able to flood the log.
      acklessLogFor(context.logger)(event, socket.id);
      return;
    }
    if (limited) {
      ack({
        ok: false,
        error: { code: "RATE_LIMITED", message: `${event}: ${limitedMessage(limited)}`, retryAfterMs: limited.retryAfterMs },
      });
      refused(socket, context.logger);
      return;
    }
    // Payloads are strict (docs/protocol.md): an argument after the payload is refused, not silently dropped.
    const extra = args.length - (given ? 1 : 0) - 1;
    if (extra > 0) {
      const what = extra === 1 ? "1 extra argument" : `${extra} extra arguments`;
      ack({ ok: false, error: { code: "BAD_PAYLOAD", message: `${event}: takes one payload object (then the ack); got ${what}` } });
      return;
    }
    const shape = payloadShapeProblem(raw);
    if (shape) {
      ack({ ok: false, error: { code: "BAD_PAYLOAD", message: `${event}: ${shape}` } });
      return;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      ack({ ok: false, error: { code: "BAD_PAYLOAD", message: `${event}: ${describeZodError(parsed.error)}` } });
      return;
    }
    let follow: (() => Promise<void>) | undefined;
    try {
      const { data, afterAck } = await handler(parsed.data);
      follow = afterAck;
      ack({ ok: true, data });
    } catch (err) {
      if (!(err instanceof ServiceError)) logger().error({ err }, "socket handler failed");
      ack(toAckError(err));
      return;
    }
    follow?.().catch((err) => logger().error({ err }, "follow-on work failed"));
  };
  // A rejection outside the handler's try (the rate limiter's store, say) is logged, never left unhandled.
  (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(event, (...args) => {
    onEvent(...args).catch((err) => context.logger.error({ err, event }, "socket event failed"));
  });
}

/**
 * A connection that keeps sending after being told to wait is flooding: close it.
 * Every refusal still costs a parse and an ack, and a flooder with hundreds of
 * events in flight otherwise keeps honest candidates' events queued behind its own.
 * Reconnecting is limited per address.
 */
function refused(socket: InterviewSocket, logger: Logger): void {
  socket.data.refusals = (socket.data.refusals ?? 0) + 1;
  if (socket.data.refusals === REFUSALS_BEFORE_DISCONNECT) {
    logger.warn({ socket: socket.id, address: socket.data.address }, "connection kept flooding after rate limiting; closed");
    socket.disconnect(true);
  }
}

function requireJoined(socket: InterviewSocket, sessionId: string): void {
  if (!socket.data.sessions.has(sessionId)) {
    throw new ServiceError("FORBIDDEN", "this connection has not joined that session; send session:resume with its resume token first");
  }
}

export function createSocketServer(
  httpServer: HttpServer,
  service: InterviewService,
  teams: Teams,
  logger: Logger,
  options: SocketServerOptions = {},
): InterviewIo {
  const limits = options.limits ?? null;
  const allowedOrigins = options.allowedOrigins ?? [];
  const context = { logger, limits, metrics: options.metrics ?? null };
  const held = options.onSessionHeld ?? (() => undefined);
  // Shared by all of this server's connections: one address's connections count together.
  const addressBytes = createAddressByteBudget(options.bytesPerAddress);
  const io: InterviewIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // Any website could otherwise open a socket from a visitor's browser and start sessions.
    allowRequest: (req, callback) => {
      if (!hostAllowed(req.headers.host, options.allowedHosts ?? null)) {
        logger.warn({ host: req.headers.host?.slice(0, 200) }, "socket naming a host this server does not answer to refused");
        return callback("host not allowed", false);
      }
      const ok = originAllowed(req.headers.origin, req.headers.host, allowedOrigins);
      // Capped: the header is the client's to make as long as it likes.
      if (!ok) logger.warn({ origin: req.headers.origin?.slice(0, 200) }, "socket from a disallowed origin refused");
      callback(ok ? null : "origin not allowed", ok);
    },
  });
  io.use((socket, next) => {
    socket.data.address = clientAddress(socket.handshake, options.trustProxy ?? false);
    if (!limits) return next();
    limits.connection(socket.data.address).then(
      (limited) => {
        if (!limited) return next();
        const err = new Error(limitedMessage(limited)) as Error & { data?: unknown };
        err.data = { code: "RATE_LIMITED", retryAfterMs: limited.retryAfterMs };
        next(err);
      },
      (err) => next(err as Error),
    );
  });
  io.on("connection", (socket) => {
    socket.data.sessions = new Set();
    socket.data.refusals = 0;
    limitIncomingBytes(socket, {
      onClose: (bytes, budget) =>
        logger.warn(
          { socket: socket.id, address: socket.data.address, bytes, budget },
          budget === "connection"
            ? "connection sent more bytes than any client does; closed"
            : "connections of one address sent more bytes together than any clients do; closed",
        ),
      now: options.now,
      address: { key: socket.data.address, budget: addressBytes },
    });
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (!CLIENT_EVENTS.includes(event as ClientEventName)) {
        if (typeof ack === "function")
          ack({
            ok: false,
            // The name is the client's: echoed only in part, so the reply stays small whatever was sent.
            error: { code: "BAD_PAYLOAD", message: `unknown event "${event.slice(0, 60)}"; known: ${CLIENT_EVENTS.join(", ")}` },
          });
        // No client of ours sends these: they count toward closing a flooding connection.
        refused(socket, logger);
      }
    });

    // Sessions cost a graph, timers and (for coding) sandboxes: session:start has its own, smaller budget (limits.socketEvent).
    bind(socket, "session:start", context, async (payload) => {
      const { teamToken, ...options } = payload;
      const viewerTeamId = teamToken ? await teams.authenticate(teamToken) : undefined;
      if (teamToken && !viewerTeamId) throw new ServiceError("FORBIDDEN", "this team API token is not valid (unknown or revoked)");
      const data = await service.start({ ...options, viewerTeamId });
      await socket.join(roomOf(data.sessionId));
      socket.data.sessions.add(data.sessionId);
      held(data.sessionId, socket.data.address);
      // The graph streams the first question only after the client holds its ack.
      return { data, afterAck: async () => service.beginAfterAck(data.sessionId) };
    });

    bind(socket, "session:resume", context, async (payload) => {
      await service.authorize(payload.sessionId, payload.resumeToken);
      // Join, snapshot and replay between graph steps: missed events arrive before the ack, live ones after.
      const snapshot = await service.attach(payload.sessionId, {
        join: () => socket.join(roomOf(payload.sessionId)),
        replayAfter: payload.lastSeq,
        deliver: (events) => {
          for (const e of events)
            socket.emit(e.type as ServerEventName, { ...e.payload, seq: e.seq, sessionId: payload.sessionId } as never);
        },
      });
      socket.data.sessions.add(payload.sessionId);
      held(payload.sessionId, socket.data.address);
      return { data: { snapshot } };
    });

    bind(socket, "answer:draft", context, async (payload) => {
      requireJoined(socket, payload.sessionId);
      return { data: await service.saveDraft(payload) };
    });

    bind(socket, "answer:submit", context, async (payload) => {
      requireJoined(socket, payload.sessionId);
      return { data: await service.submit(payload) };
    });

    bind(socket, "session:end", context, async (payload) => {
      requireJoined(socket, payload.sessionId);
      return { data: await service.end(payload.sessionId, payload.shown) };
    });

    // Runs still queued when this connection closes leave the line: nobody is left to read their results, and
    // an address's queue stayed blocked for minutes behind runs its departed clients had sent (redteam, session 16).
    const left = new AbortController();
    socket.once("disconnect", () => left.abort());
    bind(socket, "code:run", context, async (payload) => {
      requireJoined(socket, payload.sessionId);
      const onWait = ({ ahead }: { ahead: number }) =>
        socket.emit("code:waiting", { sessionId: payload.sessionId, questionId: payload.questionId, ahead });
      // The address groups this session's runs with its other sessions': they share one slice of the pool.
      return { data: await service.runCode(payload, onWait, `address:${socket.data.address}`, left.signal) };
    });
  });
  return io;
}
