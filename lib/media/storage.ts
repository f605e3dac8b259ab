import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { config } from "@/lib/config";

// Where media bytes live. The inbox only ever asks for put/get/remove by key, so an object store
// (S3, GCS) can replace the local disk by implementing MediaStorage and returning it from
// mediaStorage(); keys stay the same.

export type StoredObject = { body: ReadableStream<Uint8Array>; size: number };

export type MediaStorage = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  remove(key: string): Promise<void>;
};

// Keys are built by the app ("<channelId>/<mediaId>"), never taken from a request; checking the
// shape anyway keeps a bad key from ever reaching outside the media directory.
const KEY_SHAPE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/;

export function localDiskStorage(root: string): MediaStorage {
  const fileFor = (key: string) => {
    if (!KEY_SHAPE.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
      throw new Error(`Not a valid media key: ${key}`);
    }
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      const file = fileFor(key);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size: info.size };
    },
    async remove(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}

let storage: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  storage ??= localDiskStorage(path.resolve(config().mediaDir));
  return storage;
}

/** The key a media row's bytes are stored under. */
export function mediaKey({ channelId, mediaId }: { channelId: string; mediaId: string }): string {
  return `${channelId}/${mediaId}`;
}
