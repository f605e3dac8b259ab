import { defineConfig } from "prisma/config";

// The CLI is used only to generate the client; migrations are applied by lib/db/migrate.ts,
// which needs no native engine and no network.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/switchboard" },
});
