import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { distDir, root } from "../ingest/stack";

// The inbox page's first-load JavaScript. Next 16 no longer prints sizes after a build, so it is
// computed from the build's manifests: the root main files every page loads plus the chunks of
// the page and its layouts, each gzipped (level 9, as Next's old build output did). A real
// Chromium loading the page checks it: the script bytes that crossed the wire.

const PAGE = "/(workspace)/inbox/page";

export type BundleSize = { files: { file: string; bytes: number; gzip: number }[]; bytes: number; gzip: number; brotli: number };

export function firstLoadJs(): BundleSize {
  const server = path.join(root, distDir, "server/app", PAGE);
  const buildManifest = JSON.parse(readFileSync(`${server}/build-manifest.json`, "utf8")) as { rootMainFiles: string[] };
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(`${server}_client-reference-manifest.js`, "utf8"), sandbox);
  const entries = sandbox.__RSC_MANIFEST?.[PAGE]?.entryJSFiles ?? {};
  const pageChunks = entries[`[project]/app${PAGE}`];
  if (!pageChunks) throw new Error(`no client chunks for ${PAGE} in the ${distDir} manifests`);
  const files = [...new Set([...buildManifest.rootMainFiles, ...pageChunks])].map((file) => {
    const content = readFileSync(path.join(root, distDir, file));
    return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length, brotli: brotliCompressSync(content).length };
  });
  const sum = (key: "bytes" | "gzip" | "brotli") => files.reduce((total, file) => total + file[key], 0);
  return {
    files: files.map(({ file, bytes, gzip }) => ({ file, bytes, gzip })),
    bytes: sum("bytes"),
    gzip: sum("gzip"),
    brotli: sum("brotli"),
  };
}

export type BrowserLoad = { scripts: number; encodedBytes: number; decodedBytes: number; encodings: string[]; loadMs: number };

/** Loads /inbox signed in and sums the script responses (encoded as sent, and decoded). */
export async function loadInBrowser({ baseUrl, cookie }: { baseUrl: string; cookie: string }): Promise<BrowserLoad | null> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    console.warn(`no Chromium at ${executablePath} (set CHROMIUM_PATH): the browser check is skipped`);
    return null;
  }
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const index = pair.indexOf("=");
        return { name: pair.slice(0, index), value: pair.slice(index + 1), url: baseUrl };
      }),
    );
    const page = await context.newPage();
    const scripts: Promise<{ encoded: number; decoded: number; encoding: string }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(
        (async () => {
          const [sizes, body, headers] = await Promise.all([response.request().sizes(), response.body(), response.allHeaders()]);
          return { encoded: sizes.responseBodySize, decoded: body.length, encoding: headers["content-encoding"] ?? "identity" };
        })(),
      );
    });
    const started = performance.now();
    const response = await page.goto(`${baseUrl}/inbox`, { waitUntil: "networkidle" });
    const loadMs = performance.now() - started;
    if (!response?.ok() || !page.url().endsWith("/inbox"))
      throw new Error(`/inbox did not load (HTTP ${response?.status()}, at ${page.url()})`);
    const loaded = await Promise.all(scripts);
    return {
      scripts: loaded.length,
      encodedBytes: loaded.reduce((total, script) => total + script.encoded, 0),
      decodedBytes: loaded.reduce((total, script) => total + script.decoded, 0),
      encodings: [...new Set(loaded.map((script) => script.encoding))],
      loadMs,
    };
  } finally {
    await browser.close();
  }
}
