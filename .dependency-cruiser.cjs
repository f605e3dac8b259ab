// The layout's import rules (docs/architecture.md, "Folders and what they may import").
// npm run lint checks them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "components-stay-in-the-browser",
      comment: "Client components never pull server code (the database, jobs, sessions) into the bundle; types are fine.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(lib/db/|lib/jobs/|node_modules/(pg|pg-boss|@prisma|server-only|bcryptjs|nodemailer)/)", reachable: true },
    },
    {
      name: "adapters-do-not-write-the-domain",
      comment:
        "lib/whatsapp and lib/messenger turn Meta's events into domain calls; the domain owns every write to conversations, messages and contacts.",
      severity: "error",
      from: { path: "^lib/(whatsapp|messenger)/" },
      to: { path: "^lib/(conversations|contacts)/" },
    },
    {
      name: "the-domain-reaches-meta-through-the-transport",
      comment:
        "The domain calls WhatsApp only through lib/whatsapp/transport.ts; besides it, only the adapter's pure tables (message rules, rendering, error sentences).",
      severity: "error",
      from: { path: "^lib/(conversations|contacts)/" },
      to: {
        path: "^lib/whatsapp/",
        pathNot: "^lib/whatsapp/(transport|media-rules|render-template|inbound-content|error-messages)\\.ts$",
      },
    },
    {
      name: "the-domain-reaches-messenger-through-the-transport",
      comment: "The domain calls Messenger only through lib/messenger/transport.ts; besides it, only the adapter's pure tables.",
      severity: "error",
      from: { path: "^lib/(conversations|contacts)/" },
      to: {
        path: "^lib/messenger/",
        pathNot: "^lib/messenger/(transport|send-payload|attachment-rules|error-messages)\\.ts$",
      },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/db/generated|\\.next)" },
    // Type-only imports vanish when compiled, so they neither ship code nor count here.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
