"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSignOutEverywhere } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/users/confirm-dialog";

/** Ends every session on every device (a lost phone, a shared computer), then this one. */
export function SignOutEverywhere() {
  const t = useTranslations("account");
  const [confirming, setConfirming] = useState(false);
  const signOutEverywhere = useSignOutEverywhere();
  return (
    <>
      <Button tone="secondary" onClick={() => setConfirming(true)} data-testid="sign-out-everywhere">
        {t("signOutEverywhere")}
      </Button>
      {confirming && (
        <ConfirmDialog
          title={t("signOutEverywhereTitle")}
          confirm={t("signOutEverywhere")}
          body={<p>{t("signOutEverywhereBody")}</p>}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await signOutEverywhere.mutateAsync();
            await signOut({ callbackUrl: "/login" });
          }}
        />
      )}
    </>
  );
}
