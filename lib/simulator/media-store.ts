import { createHash, randomInt } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/config";

// The simulator's stand-in for Meta's media servers: each file a simulated customer sends (or the
// business uploads) is kept on disk with a JSON sidecar holding what Meta's media endpoint reports.

export type SimulatorMediaInfo = {
  id: string;
  mimeType: string;
  fileName: string | null;
  size: number;
  // Hex, as the Graph media endpoint answers; webhooks carry the same digest in base64.
  sha256: string;
  createdAt: string;
};

const ID_SHAPE = /^\d{10,20}$/;

function directory(): string {
  return path.resolve(config().simulatorMediaDir);
}

/** Stores a file and returns its media id, numeric like Meta's. */
export async function saveSimulatorMedia({
  bytes,
  mimeType,
  fileName = null,
}: {
  bytes: Uint8Array;
  mimeType: string;
  fileName?: string | null;
}): Promise<SimulatorMediaInfo> {
  const id = `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, "0")}${String(randomInt(0, 1e6)).padStart(6, "0")}`;
  const info: SimulatorMediaInfo = {
    id,
    mimeType,
    fileName,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    createdAt: new Date().toISOString(),
  };
  await mkdir(directory(), { recursive: true });
  await writeFile(path.join(directory(), `${id}.bin`), bytes);
  await writeFile(path.join(directory(), `${id}.json`), JSON.stringify(info));
  return info;
}

export async function simulatorMediaInfo(id: string): Promise<SimulatorMediaInfo | null> {
  if (!ID_SHAPE.test(id)) return null;
  const text = await readFile(path.join(directory(), `${id}.json`), "utf8").catch(() => null);
  return text ? (JSON.parse(text) as SimulatorMediaInfo) : null;
}

export async function simulatorMediaBytes(id: string): Promise<{ info: SimulatorMediaInfo; bytes: Buffer } | null> {
  const info = await simulatorMediaInfo(id);
  if (!info) return null;
  const bytes = await readFile(path.join(directory(), `${id}.bin`)).catch(() => null);
  return bytes ? { info, bytes } : null;
}
