import type { Metadata } from "next";
import { requestTheme } from "@/lib/users/theme";
import "./globals.css";

export const metadata: Metadata = { title: "Switchboard", description: "A shared inbox for WhatsApp" };
// Every page is rendered per request, so its scripts carry that request's CSP nonce (proxy.ts);
// a page rendered at build time (the 404 page, the redirect at /) would have scripts without one.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The theme is in the page's first bytes ("system" is resolved by the stylesheet): no flash.
  const theme = await requestTheme();
  return (
    <html lang="en" data-theme={theme}>
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
