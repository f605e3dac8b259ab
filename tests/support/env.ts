import { inject } from "vitest";
import { reloadConfig } from "../../lib/config";

// Lets test files use lib/ modules (the Prisma client reads DATABASE_URL) against the suite's database.
process.env.DATABASE_URL = inject("databaseUrl");
// Audit events written from tests are keyed like the server's, so the chain verifies as one.
process.env.AUDIT_KEY = inject("auditKey");
// Tests that stand in for Meta set an access token; the mode stays what the server runs in.
process.env.WHATSAPP_MODE = "simulator";
reloadConfig();
