import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { RealtimeServer } from "./publish";

// With REDIS_URL set, socket.io events travel through Redis pub/sub, so an event published by one
// Switchboard instance reaches sockets connected to every other instance.

export async function attachRedisAdapter(io: RealtimeServer, url: string): Promise<() => Promise<void>> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  pub.on("error", (error) => console.error("[realtime] redis", error));
  sub.on("error", (error) => console.error("[realtime] redis", error));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
