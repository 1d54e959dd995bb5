import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ModelConfig } from "../../server/llm/index.js";

export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  stream?: boolean;
};
export type FakeReply = { content: string; delayMs?: number } | { status: number; message?: string } | { stream: string[] };

/**
 * A minimal OpenAI-compatible chat completions server on loopback: tests run
 * the real ChatOpenAI class against it and script what it answers.
 */
export async function startFakeOpenAI(handler: (req: ChatRequest) => FakeReply | Promise<FakeReply>) {
  const requests: ChatRequest[] = [];
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    const request = JSON.parse(body) as ChatRequest;
    requests.push(request);
    const reply = await handler(request);
    const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: request.model };
    if ("status" in reply) {
      res
        .writeHead(reply.status, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: reply.message ?? "scripted failure", type: "server_error" } }));
      return;
    }
    if ("stream" in reply) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const piece of reply.stream) {
        res.write(
          `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
        );
      }
      res.write(
        `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: "stop" }], usage: { prompt_tokens: 10, completion_tokens: reply.stream.length, total_tokens: 10 + reply.stream.length } })}\n\n`,
      );
      res.end("data: [DONE]\n\n");
      return;
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        ...base,
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      }),
    );
  };
  // A throwing script answers 500 with its message (the test then fails on it) instead of an unhandled rejection.
  const server = createServer((req, res) => {
    respond(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `fake-openai script failed: ${err.message}`, type: "server_error" } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Prices the model tests count cost with: the interviewer is cheap, the judge dear. */
export const TEST_PRICES = { "interviewer-m": { input: 0.15, output: 0.6 }, "judge-m": { input: 2.5, output: 10 } };

/** The model configuration a test server points at a fake server with: interviewer "interviewer-m", judge "judge-m". */
export function fakeModelConfig(baseURL: string, extra: Partial<ModelConfig> = {}): ModelConfig {
  return {
    apiKey: "k",
    baseURL,
    judgeModel: "judge-m",
    labModel: "judge-m",
    interviewerModel: "interviewer-m",
    timeoutMs: 5000,
    tokenBudget: 60_000,
    prices: TEST_PRICES,
    ...extra,
  };
}
