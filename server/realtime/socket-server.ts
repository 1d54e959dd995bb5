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
import { ServiceError, type InterviewService } from "../interview/index.js";
import type { Teams } from "../teams/index.js";
import { describeZodError, toAckError, type AckFn } from "./acks.js";

type SocketData = { sessions: Set<string>; starts?: number[] };
const MAX_STARTS_PER_WINDOW = 10;
const START_WINDOW_MS = 60_000;
export type InterviewIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type InterviewSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type PayloadOf<E extends ClientEventName> = z.output<(typeof ClientEventSchemas)[E]>;
const CLIENT_EVENTS = Object.keys(ClientEventSchemas) as ClientEventName[];

export const roomOf = (sessionId: string) => `session:${sessionId}`;

/** Bind one client event: validate with zod, run, ack {ok,data}|{ok:false,error}, then any follow-on work. */
function bind<E extends ClientEventName, R>(
  socket: InterviewSocket,
  event: E,
  logger: Logger,
  handler: (payload: PayloadOf<E>) => Promise<{ data: R; afterAck?: (() => Promise<void>) | undefined }>,
): void {
  // Indexing the map with a generic key loses the per-event type; restore it once here.
  const schema = ClientEventSchemas[event] as unknown as z.ZodType<PayloadOf<E>>;
  (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void }).on(event, async (...args: unknown[]) => {
    const ack = (typeof args.at(-1) === "function" ? args.at(-1) : null) as AckFn<R> | null;
    const raw = ack && args.length === 1 ? undefined : args[0];
    if (!ack) {
      logger.warn({ event, socket: socket.id }, "event without an ack callback ignored");
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
      if (!(err instanceof ServiceError)) logger.error({ err, event }, "socket handler failed");
      ack(toAckError(err));
      return;
    }
    follow?.().catch((err) => logger.error({ err, event }, "follow-on work failed"));
  });
}

function requireJoined(socket: InterviewSocket, sessionId: string): void {
  if (!socket.data.sessions.has(sessionId)) {
    throw new ServiceError("FORBIDDEN", "this connection has not joined that session; send session:resume with its resume token first");
  }
}

export function createSocketServer(httpServer: HttpServer, service: InterviewService, teams: Teams, logger: Logger): InterviewIo {
  const io: InterviewIo = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 1e6 });
  io.on("connection", (socket) => {
    socket.data.sessions = new Set();
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (!CLIENT_EVENTS.includes(event as ClientEventName) && typeof ack === "function") {
        ack({ ok: false, error: { code: "BAD_PAYLOAD", message: `unknown event "${event}"; known: ${CLIENT_EVENTS.join(", ")}` } });
      }
    });

    bind(socket, "session:start", logger, async (payload) => {
      // Sessions cost a graph, timers and (for coding) sandboxes: one connection may not mint them in bulk.
      const now = Date.now();
      socket.data.starts = (socket.data.starts ?? []).filter((t) => now - t < START_WINDOW_MS);
      if (socket.data.starts.length >= MAX_STARTS_PER_WINDOW) {
        throw new ServiceError("CONFLICT", `too many new sessions from this connection; at most ${MAX_STARTS_PER_WINDOW} a minute`);
      }
      socket.data.starts.push(now);
      const { teamToken, ...options } = payload;
      const viewerTeamId = teamToken ? await teams.authenticate(teamToken) : undefined;
      if (teamToken && !viewerTeamId) throw new ServiceError("FORBIDDEN", "this team API token is not valid (unknown or revoked)");
      const data = await service.start({ ...options, viewerTeamId });
      await socket.join(roomOf(data.sessionId));
      socket.data.sessions.add(data.sessionId);
      // The graph streams the first question only after the client holds its ack.
      return { data, afterAck: () => service.begin(data.sessionId) };
    });

    bind(socket, "session:resume", logger, async (payload) => {
      await service.authorize(payload.sessionId, payload.resumeToken);
      // Join, snapshot and replay between graph steps: missed events arrive before the ack, live ones after.
      const snapshot = await service.attach(payload.sessionId, {
        join: () => socket.join(roomOf(payload.sessionId)),
        replayAfter: payload.lastSeq,
        deliver: (events) => {
          for (const e of events) socket.emit(e.type as ServerEventName, { ...e.payload, seq: e.seq, sessionId: payload.sessionId } as never);
        },
      });
      socket.data.sessions.add(payload.sessionId);
      return { data: { snapshot } };
    });

    bind(socket, "answer:draft", logger, async (payload) => {
      requireJoined(socket, payload.sessionId);
      return { data: await service.saveDraft(payload) };
    });

    bind(socket, "answer:submit", logger, async (payload) => {
      requireJoined(socket, payload.sessionId);
      return { data: await service.submit(payload) };
    });

    bind(socket, "session:end", logger, async (payload) => {
      requireJoined(socket, payload.sessionId);
      return { data: await service.end(payload.sessionId) };
    });

    bind(socket, "code:run", logger, async (payload) => {
      requireJoined(socket, payload.sessionId);
      const onWait = ({ ahead }: { ahead: number }) => socket.emit("code:waiting", { sessionId: payload.sessionId, questionId: payload.questionId, ahead });
      return { data: await service.runCode(payload, onWait) };
    });
  });
  return io;
}
