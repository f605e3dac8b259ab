import { useTranslations } from "next-intl";

// A diff of profile fields: what each was, and what it became.

type Changes = Partial<Record<string, { before: unknown; after: unknown }>>;

export function ProfileChanges({ changes }: { changes: Changes }) {
  const t = useTranslations("profile");
  const shown = (field: string, value: unknown) => {
    if (field === "photoUrl") return value ? t("aPhoto") : t("noPhoto");
    if (Array.isArray(value)) return value.length ? value.join(", ") : t("none");
    if (field === "vertical" && typeof value === "string" && value) return t("vertical", { vertical: value });
    return value === "" || value == null ? t("empty") : String(value);
  };
  const entries = Object.entries(changes);
  if (entries.length === 0) return <p className="text-xs text-slate-500">{t("firstRead")}</p>;
  return (
    <ul className="space-y-0.5 text-xs">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="font-medium">{t("field", { field })}:</span> <del className="text-red-700">{shown(field, change?.before)}</del> →{" "}
          <ins className="text-emerald-700 no-underline">{shown(field, change?.after)}</ins>
        </li>
      ))}
    </ul>
  );
}
