import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { freePort, root, startServerProcess, type ServerProcess } from "../../scripts/lib/server-process";

export { freePort };

// Starts what the integration and e2e suites talk to: a fresh embedded PostgreSQL and the built
// Switchboard server (production mode, simulator on) on free ports. Server output goes to
// test-results/<suite>-server.log.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    appSecret: string;
    verifyToken: string;
    phoneNumberId: string;
    wabaId: string;
    /** The Facebook Page of the MESSENGER_* settings, and its app's secret and verify token. */
    pageId: string;
    pageAppSecret: string;
    pageVerifyToken: string;
    nextAuthSecret: string;
    auditKey: string;
    /** The built server's process id, for tests that watch its memory. */
    serverPid: number;
  }
}

const distDir = process.env.TEST_DIST_DIR ?? ".next";

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No test build in ${distDir}/: run "npm run test:build" first (npm test does it for you).`);
  }
  const suite = project.name;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `switchboard-${suite}-`));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the "postgres" user, who must reach it
  const dbPort = await freePort();
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: dbPort, database: "switchboard_test" });

  const running = await startServer({ databaseUrl: database.url, logName: `${suite}-server.log` });

  project.provide("baseUrl", running.baseUrl);
  project.provide("databaseUrl", database.url);
  project.provide("appSecret", settings.appSecret);
  project.provide("verifyToken", settings.verifyToken);
  project.provide("phoneNumberId", settings.phoneNumberId);
  project.provide("wabaId", settings.wabaId);
  project.provide("pageId", settings.pageId);
  project.provide("pageAppSecret", settings.pageAppSecret);
  project.provide("pageVerifyToken", settings.pageVerifyToken);
  project.provide("nextAuthSecret", settings.nextAuthSecret);
  project.provide("auditKey", settings.auditKey);
  project.provide("serverPid", running.pid);

  return async () => {
    await running.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

export const settings = {
  appSecret: "test-app-secret",
  verifyToken: "test-verify-token",
  phoneNumberId: "109876543210001",
  wabaId: "209876543210001",
  pageId: "409876543210001",
  pageAppSecret: "test-page-app-secret",
  pageVerifyToken: "test-page-verify-token",
  pageAccessToken: "test-page-access-token",
  nextAuthSecret: "test-nextauth-secret-0123456789abcdef0123456789",
  // Known, so tests can derive the application role's password and check the chain's HMACs, and
  // so several servers on one database agree.
  auditKey: "test-audit-key-0123456789abcdef0123456789abcdef",
};

/** Starts the built server (production mode, simulator on) on a free port against `databaseUrl`. */
export async function startServer({
  databaseUrl,
  logName,
  env = {},
}: {
  databaseUrl: string;
  logName: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  return startServerProcess({
    distDir,
    logPath: path.join(root, "test-results", logName),
    env: {
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "true",
      NEXTAUTH_SECRET: settings.nextAuthSecret,
      AUDIT_KEY: settings.auditKey,
      // Tests name their client address in X-Forwarded-For, so sign-in limits apply per test.
      TRUST_PROXY: "true",
      WHATSAPP_APP_SECRET: settings.appSecret,
      WHATSAPP_VERIFY_TOKEN: settings.verifyToken,
      WHATSAPP_PHONE_NUMBER_ID: settings.phoneNumberId,
      WHATSAPP_WABA_ID: settings.wabaId,
      MESSENGER_PAGE_ID: settings.pageId,
      MESSENGER_APP_SECRET: settings.pageAppSecret,
      MESSENGER_VERIFY_TOKEN: settings.pageVerifyToken,
      MESSENGER_PAGE_ACCESS_TOKEN: settings.pageAccessToken,
      ...env,
    },
  });
}
