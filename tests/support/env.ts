import { inject } from "vitest";
import { reloadConfig } from "../../lib/config";

// Lets test files use lib/ modules (the Prisma client reads DATABASE_URL) against the suite's database.
process.env.DATABASE_URL = inject("databaseUrl");
reloadConfig();
