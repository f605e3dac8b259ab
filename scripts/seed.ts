// npm run seed — loads the demo data into the database server.ts would use (idempotent).
import "../lib/config/load-env";
import { bootstrapDatabase } from "../lib/db/bootstrap";
import { disconnectDb } from "../lib/db/client";
import { seedDemo } from "../prisma/seed";

const database = await bootstrapDatabase();
await seedDemo();
console.log("demo data is in place: sign in as agent@example.com / switchboard");
await disconnectDb();
await database.embedded?.stop();
