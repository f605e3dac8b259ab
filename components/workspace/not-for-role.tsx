import Link from "next/link";

/** What a signed-in person sees on a page their role does not open: why, and where to go instead. */
export function NotForRole({ page, roles }: { page: string; roles: string }) {
  return (
    <main className="mx-4 mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center sm:mx-auto" data-testid="not-for-role">
      <h1 className="text-base font-semibold">{page} is not for your role</h1>
      <p className="mt-2 text-sm text-slate-600">It is open to {roles}. If you need it, ask an admin to change your role.</p>
      <Link
        href="/inbox"
        className="mt-4 inline-block rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-hover"
      >
        Back to the inbox
      </Link>
    </main>
  );
}
