import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "../config";
import { PrismaClient } from "./generated/client.ts";

export * from "./generated/client.ts";

// One client per process. Next bundles route handlers apart from server.ts, so the instance lives
// on globalThis where both find it.
const globalForPrisma = globalThis as unknown as { switchboardPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const { url: connectionString, poolSize } = config().database;
  if (!connectionString) throw new Error("No database address yet: start Switchboard through server.ts");
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.switchboardPrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.switchboardPrisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.switchboardPrisma) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.switchboardPrisma?.$disconnect();
  globalForPrisma.switchboardPrisma = undefined;
}
