// npm run secrets:rotate — re-encrypts the channels' stored credentials under the current
// SECRETS_KEY. Rotate a key: move the old one to SECRETS_KEY_PREVIOUS, set a new SECRETS_KEY, run
// this, then remove the old key. Uses the database server.ts would use.
import "../lib/config/load-env";
import { rotateSecrets } from "../lib/channels/rotate-secrets";
import { bootstrapDatabase } from "../lib/db/bootstrap";
import { disconnectDb } from "../lib/db/client";

const database = await bootstrapDatabase();
try {
  const { channels, rewritten } = await rotateSecrets();
  console.log(`${rewritten} credential(s) of ${channels} channel(s) re-encrypted under the current SECRETS_KEY.`);
} catch (error) {
  console.error(`Rotation stopped: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await database.embedded?.stop();
}
