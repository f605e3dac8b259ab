import type { IncomingMessage } from "node:http";
import { getToken } from "next-auth/jwt";
import { config } from "@/lib/config";
import { userForSession } from "./access";
import type { Role } from "./permissions";

// The socket.io handshake is a plain Node request: it has a Cookie header but none of the parsed
// `cookies` next-auth's getToken() looks for, so the header is parsed here. The cookie is named
// "__Secure-next-auth.session-token" behind https and may be split into .0/.1 chunks; getToken
// handles both once it is given the cookies.

export async function userFromHandshake(request: IncomingMessage): Promise<{ id: string; role: Role; name: string } | null> {
  const cookies = parseCookies(request.headers.cookie ?? "");
  const { auth } = config();
  const token = await getToken({
    req: { headers: request.headers as Record<string, string>, cookies } as never,
    secret: auth.secret,
    secureCookie: auth.secureCookies,
  });
  if (!token?.sub) return null;
  const user = await userForSession({ userId: token.sub, sessionVersion: token.sv });
  return user && { id: user.id, role: user.role, name: user.name };
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (name) cookies.set(name, decodeURIComponent(value));
  }
  return cookies;
}
