import { useTranslations } from "next-intl";
import Link from "next/link";

// The WhatsApp numbers as tabs above the profile and health pages; with one number it is just a heading.
export function NumberPicker({
  numbers,
  current,
  section,
}: {
  numbers: { id: string; name: string; displayPhoneNumber: string }[];
  current: string;
  section: "profile" | "number";
}) {
  const t = useTranslations("settings");
  if (numbers.length < 2) return null;
  return (
    <nav className="mb-4 flex gap-1 text-sm" aria-label={t("numbers")}>
      {numbers.map((number) => (
        <Link
          key={number.id}
          href={`/settings/${section}/${number.id}`}
          aria-current={number.id === current ? "page" : undefined}
          className={`rounded-md px-3 py-1 ${number.id === current ? "bg-slate-200 font-medium" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {number.name} <span className="text-xs text-slate-500">+{number.displayPhoneNumber}</span>
        </Link>
      ))}
    </nav>
  );
}
