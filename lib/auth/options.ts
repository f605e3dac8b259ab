import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { clientAddress } from "@/lib/http/client-address";
import { sameOriginRedirect } from "@/lib/http/safe-redirect";
import { authenticate } from "./authenticate";
import { isRole } from "./permissions";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export const authOptions: NextAuthOptions = {
  get secret() {
    return config().auth.secret;
  },
  // Behind https the cookies are Secure (and __Secure- prefixed).
  get useSecureCookies() {
    return config().auth.secureCookies;
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await authenticate({ ...parsed.data, address: clientAddress(request?.headers ?? {}) });
        return user && { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token names the user and the session version it was issued at; the role it carries is
    // only a hint for the browser. Every request reads the real role from the database.
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: string }).role;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    // After sign-in or sign-out next-auth sends the browser to the callbackUrl it was given: only
    // to a page of Switchboard's own, never to another site named in a crafted link.
    redirect({ url, baseUrl }) {
      return sameOriginRedirect({ url, baseUrl });
    },
    session({ session, token }) {
      if (session.user && token.sub && isRole(token.role)) {
        session.user.id = token.sub;
        session.user.role = token.role;
        session.user.sessionVersion = token.sv ?? -1;
      }
      return session;
    },
  },
};
