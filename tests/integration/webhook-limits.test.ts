import { readFileSync } from "node:fs";
import { request } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { baseUrl } from "../support/http";

// Meta's bodies are at most 3 MB. A bigger one, sent without a Content-Length (chunked), must be
// refused while it streams in: the server stops reading past 3 MB and answers 413 at once, and its
// memory does not grow with what senders push at it.

const LIMIT = 3 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "x");

type Sent = { status: number; body: string; bytesWrittenAtAnswer: number };

/**
 * POSTs a chunked body to the webhook (no Content-Length): `total` bytes, or without end when
 * total is Infinity. Writes follow the socket's backpressure and stop once the answer arrives.
 */
function postChunked({ total }: { total: number }): Promise<Sent> {
  const url = new URL("/api/webhooks/whatsapp", baseUrl());
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=00" },
      },
      (response) => {
        answered = true;
        const bytesWrittenAtAnswer = written;
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (part) => (body += part));
        response.on("end", () => {
          req.destroy();
          resolve({ status: response.statusCode ?? 0, body, bytesWrittenAtAnswer });
        });
      },
    );
    // The server may close the connection while we are still writing: that is the point.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const write = () => {
      while (!answered && written < total) {
        const chunk = total - written < CHUNK.length ? CHUNK.subarray(0, total - written) : CHUNK;
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!answered) req.end();
    };
    expect(req.getHeader("content-length")).toBeUndefined();
    write();
  });
}

/** The resident memory of the built server, in MB (the node process under tsx's launcher). */
function serverRssMb(): number {
  const pid = serverProcessPid(inject("serverPid"));
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  expect(kb).toBeGreaterThan(0);
  return kb / 1024;
}

// `tsx server.ts` runs the server in a child process of its own; follow the children down.
function serverProcessPid(pid: number): number {
  for (;;) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    } catch {
      return pid;
    }
    const node = children.find((child) => readFileSync(`/proc/${child}/comm`, "utf8").trim().startsWith("node"));
    if (!node) return pid;
    pid = Number(node);
  }
}

describe("POST /api/webhooks/whatsapp — a chunked body over 3 MB", () => {
  it("answers a 4 MB chunked body with 413 PAYLOAD_TOO_LARGE", async () => {
    const sent = await postChunked({ total: 4 * 1024 * 1024 });
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("answers while the body is still coming: a body that never ends is refused", async () => {
    // A server that waited for the end, or read everything before counting, would never answer.
    const sent = await postChunked({ total: Infinity });
    expect(sent.status).toBe(413);
    expect(sent.bytesWrittenAtAnswer).toBeGreaterThan(LIMIT);
    // What the server read plus what the sockets' buffers hold, far from an endless stream.
    expect(sent.bytesWrittenAtAnswer).toBeLessThan(LIMIT + 32 * 1024 * 1024);
  });

  it("keeps the server's memory steady under many of them, and the server healthy", async () => {
    const send = async (count: number) => {
      for (let round = 0; round < count / 4; round++) {
        const answers = await Promise.all([1, 2, 3, 4].map(() => postChunked({ total: 4 * 1024 * 1024 })));
        expect(answers.map((answer) => answer.status)).toEqual([413, 413, 413, 413]);
      }
    };
    await send(8); // warm-up: the route's code loaded, buffers allocated
    const before = serverRssMb();
    await send(32); // 128 MB sent in all
    const after = serverRssMb();
    expect(after - before, `RSS went from ${before.toFixed(1)} MB to ${after.toFixed(1)} MB`).toBeLessThan(48);
    const health = await fetch(`${baseUrl()}/api/health`);
    expect(health.status).toBe(200);
  });
});
