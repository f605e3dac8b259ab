import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { baseUrl, signIn } from "../support/http";

// A page on another site must not open a socket with the user's cookie (cross-site WebSocket
// hijacking): the handshake refuses a foreign Origin before it looks at the session.

function connect({ cookie, origin }: { cookie: string; origin?: string }): Promise<"connected" | string> {
  const socket = io(baseUrl(), {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie, ...(origin ? { origin } : {}) },
  });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

describe("socket.io handshake", () => {
  it("refuses a foreign Origin even with a valid session, and accepts Switchboard's own", async () => {
    const { cookie } = await signIn("agent@example.com");
    expect(await connect({ cookie, origin: "https://evil.example" })).not.toBe("connected");
    expect(await connect({ cookie, origin: "null" })).not.toBe("connected");
    expect(await connect({ cookie, origin: new URL(baseUrl()).origin })).toBe("connected");
    // No Origin at all is not a browser on another site (scripts, tests).
    expect(await connect({ cookie })).toBe("connected");
  });

  it("refuses a socket without a session", async () => {
    expect(await connect({ cookie: "", origin: new URL(baseUrl()).origin })).toBe("UNAUTHORIZED");
  });
});
