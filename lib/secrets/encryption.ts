import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { config } from "@/lib/config";

// Credentials kept in the database (channels' access tokens, app secrets, verify tokens) are
// encrypted with AES-256-GCM under SECRETS_KEY. Each value names its key by a short id, so values
// written under an earlier key still open while SECRETS_KEY_PREVIOUS holds it, and
// `npm run secrets:rotate` re-encrypts them under the current one.
//
//   v1.<key id>.<iv>.<auth tag>.<ciphertext>      (base64url parts; the key id is 8 hex characters)

const VERSION = "v1";

export class SecretUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretUnreadableError";
  }
}

/** The first 8 hex characters of the key's SHA-256: names the key without revealing it. */
export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function encryptSecret(plaintext: string, key: Buffer = config().secrets.current): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, keyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(
    ".",
  );
}

export function decryptSecret(value: string): string {
  const [version, id, iv, tag, ciphertext] = value.split(".");
  if (version !== VERSION || !id || !iv || !tag || ciphertext === undefined) throw new SecretUnreadableError("Not an encrypted value.");
  const key = [config().secrets.current, ...config().secrets.previous].find((candidate) => keyId(candidate) === id);
  if (!key) throw new SecretUnreadableError(`Encrypted under key ${id}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS.`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError(`The value under key ${id} does not decrypt: it was altered.`);
  }
}

/** Whether a stored value is encrypted under the current key (else rotation rewrites it). */
export function isUnderCurrentKey(value: string): boolean {
  return value.split(".")[1] === keyId(config().secrets.current);
}
