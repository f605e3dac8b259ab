import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Switchboard", description: "A shared inbox for WhatsApp" };
// Every page is rendered per request, so its scripts carry that request's CSP nonce (proxy.ts);
// a page rendered at build time (the 404 page, the redirect at /) would have scripts without one.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
