import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The end of a users dialog: the refusal in words, if any, then Cancel beside the dialog's action. */
export function DialogFooter({ error, onCancel, children }: { error: string | null; onCancel: () => void; children: React.ReactNode }) {
  const t = useTranslations("common");
  return (
    <>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-700">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>{t("cancel")}</Button>
        {children}
      </div>
    </>
  );
}
