import type { Role } from "./permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
    // The user's sessionVersion when this session was issued (lib/auth/access.ts).
    sv?: number;
  }
}
