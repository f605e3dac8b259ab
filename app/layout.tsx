import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Switchboard", description: "A shared inbox for WhatsApp" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
