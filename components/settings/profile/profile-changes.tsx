import { fieldLabels, type ProfileField } from "@/lib/business-profile/profile-schema";

// A diff of profile fields: what each was, and what it became.

type Changes = Partial<Record<string, { before: unknown; after: unknown }>>;

const shown = (field: string, value: unknown) => {
  if (field === "photoUrl") return value ? "a photo" : "no photo";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  return value === "" || value == null ? "empty" : String(value);
};

export function ProfileChanges({ changes }: { changes: Changes }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <p className="text-xs text-slate-500">The profile as it was first read from WhatsApp.</p>;
  return (
    <ul className="space-y-0.5 text-xs">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="font-medium">{fieldLabels[field as ProfileField] ?? field}:</span>{" "}
          <del className="text-red-700">{shown(field, change?.before)}</del> →{" "}
          <ins className="text-emerald-700 no-underline">{shown(field, change?.after)}</ins>
        </li>
      ))}
    </ul>
  );
}
