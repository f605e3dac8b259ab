// Recharts draws with inline colours; these point them at the theme's tokens, so a chart follows
// light and dark like the page around it. Series colours are the solid 500–600 shades, which read
// on both surfaces.

export const gridProps = { stroke: "var(--color-slate-200)", vertical: false } as const;

export const tickStyle = { fontSize: 11, fill: "var(--color-slate-500)" } as const;

export const axisLine = { stroke: "var(--color-slate-300)" } as const;

export const tooltipProps = {
  contentStyle: { background: "var(--color-white)", borderColor: "var(--color-slate-200)", borderRadius: 6, fontSize: 12 },
  labelStyle: { color: "var(--color-slate-900)" },
  cursor: { fill: "var(--color-slate-100)", stroke: "var(--color-slate-300)" },
} as const;

export const legendStyle = { fontSize: 12, color: "var(--color-slate-700)" } as const;
