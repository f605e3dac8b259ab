// /api/auth/* — next-auth's credentials sign-in, session and sign-out endpoints. A credentials
// sign-in is first checked against the sign-in limits: a locked account or address gets 429.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { credentialsSchema, authOptions } from "@/lib/auth/options";
import { signInRetryAfter } from "@/lib/auth/sign-in-limits";
import { config } from "@/lib/config";
import { clientAddress } from "@/lib/http/client-address";
import { errorResponse } from "@/lib/http/route";
import { requestLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

export async function GET(request: Request, context: Context) {
  return handler(request, context);
}

export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  try {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = credentialsSchema.shape.email.safeParse(form?.get("email"));
    const retryAfter = await signInRetryAfter({ email: email.success ? email.data : "", address: clientAddress(request.headers) });
    if (retryAfter !== null) return tooManyAttempts(retryAfter, request);
  } catch (error) {
    return errorResponse(error, request);
  }
  return handler(request, context);
}

// next-auth's browser client reads `url` from the answer and the error from its query string.
async function tooManyAttempts(retryAfter: number, request: Request) {
  const t = translator(await requestLocale(request));
  return NextResponse.json(
    {
      url: `${config().publicUrl}/login?error=TooManyAttempts`,
      error: {
        code: "TOO_MANY_ATTEMPTS",
        message: t("errors.signInLocked", { minutes: Math.ceil(retryAfter / 60) }),
        retryAfter,
      },
    },
    { status: 429, headers: { "retry-after": String(retryAfter) } },
  );
}
