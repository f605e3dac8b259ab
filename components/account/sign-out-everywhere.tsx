"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { useSignOutEverywhere } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/users/confirm-dialog";

/** Ends every session on every device (a lost phone, a shared computer), then this one. */
export function SignOutEverywhere() {
  const [confirming, setConfirming] = useState(false);
  const signOutEverywhere = useSignOutEverywhere();
  return (
    <>
      <Button tone="secondary" onClick={() => setConfirming(true)} data-testid="sign-out-everywhere">
        Sign out everywhere
      </Button>
      {confirming && (
        <ConfirmDialog
          title="Sign out everywhere?"
          confirm="Sign out everywhere"
          body={
            <p>
              Every browser and device signed in as you is signed out at once, this one included. You can sign in again with your password.
            </p>
          }
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
