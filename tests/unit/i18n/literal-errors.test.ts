import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translatedServerFolders } from "@/lib/i18n/translated-paths.mjs";

// In the server folders converted to the translation layer, an AppError's sentence is a Phrase
// (phrase("errors.…")), rendered in the caller's language: never a literal English string.

const literalAppError = /new AppError\(\s*"[A-Z_]+"\s*,\s*["'`]/g;

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("error sentences", () => {
  it("the pattern finds a literal sentence", () => {
    expect(`throw new AppError("NOT_FOUND", "No such user.");`.match(literalAppError)).toHaveLength(1);
    expect(`throw new AppError("NOT_FOUND", phrase("errors.noSuchUser"));`.match(literalAppError)).toBeNull();
  });

  it.each(translatedServerFolders)("%s throws no AppError with a literal sentence", (folder) => {
    const found = files(folder).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(literalAppError)].map((match) => `${file}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });
});
