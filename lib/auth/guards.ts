import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { userForSession } from "./access";
import { authOptions } from "./options";
import { can, type Permission, type Role } from "./permissions";

export type SessionUser = {
  id: string;
  role: Role;
  name: string;
  email: string;
  /** The user's language and time zone; null follows the browser. */
  locale?: string | null;
  timeZone?: string | null;
};

// The cookie only names the user and its session version; role and active flag come from the
// database (lib/auth/access.ts), so a demotion, deactivation or revocation applies on the next request.
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await userForSession({ userId: id, sessionVersion: session.user.sessionVersion });
  return user && { id: user.id, role: user.role, name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone };
}

/** For route handlers: the signed-in user, or a 401. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHORIZED", phrase("errors.signIn"));
  return user;
}

/** For route handlers: the signed-in user if their role grants `permission`; else 401 or 403. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) throw new AppError("FORBIDDEN", phrase("errors.roleForbids"));
  return user;
}

/** For pages and layouts: redirects to the login page, or to the inbox when the role falls short. */
export async function requirePageUser(permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (permission && !can(user.role, permission)) redirect("/inbox");
  return user;
}
