"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { api, ApiError } from "@/components/api/client";
import { useProfile } from "@/components/api/hooks";
import { keys } from "@/components/api/queries";
import type { ProfileOverview } from "@/components/api/types";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { fieldProblems, profileChangeSchema, type BusinessProfile, type ProfileChangeInput } from "@/lib/business-profile/profile-schema";
import type { MessageKey } from "@/lib/i18n/phrase";
import { PhotoCropper } from "./photo-cropper";
import { ProfileDrift } from "./profile-drift";
import { ProfileForm, type ProfileDraft } from "./profile-form";
import { ProfileHistory } from "./profile-history";
import { ProfilePreview } from "./profile-preview";

// The business profile page: the form beside a live preview, the notice of a change made
// elsewhere, and the history. Only the fields that changed are sent; the browser checks Meta's
// rules with the server's own schema first, and shows Meta's refusal beside the field if it still refuses.

export function ProfileEditor({ channelId, numberName, canEdit }: { channelId: string; numberName: string; canEdit: boolean }) {
  const t = useTranslations("profile");
  const errorText = useErrorText();
  const query = useProfile(channelId);
  // Kept here: a save makes a new version, and the form below starts afresh from it.
  const [status, setStatus] = useState<Status>(null);
  if (query.isPending) return <p className="text-sm text-slate-500">{t("reading")}</p>;
  if (query.isError)
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-700">
        {errorText(query.error, t("readFailed"))}{" "}
        <button className="underline" onClick={() => void query.refetch()}>
          {t("tryAgain")}
        </button>
      </p>
    );
  return (
    <Workspace
      key={query.data.versions[0]?.id ?? "none"}
      channelId={channelId}
      numberName={numberName}
      overview={query.data}
      canEdit={canEdit}
      status={status}
      setStatus={setStatus}
    />
  );
}

type Status = { ok: boolean; text: string } | null;

const toDraft = (profile: BusinessProfile): ProfileDraft => ({
  about: profile.about,
  description: profile.description,
  address: profile.address,
  email: profile.email,
  websites: [profile.websites[0] ?? "", profile.websites[1] ?? ""],
  vertical: profile.vertical,
});

function changesOf(profile: BusinessProfile, draft: ProfileDraft): ProfileChangeInput {
  const change: ProfileChangeInput = {};
  for (const field of ["about", "description", "address", "email"] as const)
    if (draft[field] !== profile[field]) change[field] = draft[field];
  const websites = draft.websites.map((site) => site.trim()).filter(Boolean);
  if (JSON.stringify(websites) !== JSON.stringify(profile.websites)) change.websites = websites;
  if (draft.vertical !== profile.vertical) change.vertical = draft.vertical as ProfileChangeInput["vertical"];
  return change;
}

function Workspace({
  channelId,
  numberName,
  overview,
  canEdit,
  status,
  setStatus,
}: {
  channelId: string;
  numberName: string;
  overview: ProfileOverview;
  canEdit: boolean;
  status: Status;
  setStatus: (status: Status) => void;
}) {
  const t = useTranslations("profile");
  const say = useTranslations();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => toDraft(overview.profile));
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null);
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => () => (photo ? URL.revokeObjectURL(photo.url) : undefined), [photo]);

  const change = useMemo(() => changesOf(overview.profile, draft), [overview.profile, draft]);
  const checked = profileChangeSchema.safeParse(change);
  const problems = {
    ...serverProblems,
    ...(checked.success ? {} : fieldProblems(checked.error, (key) => (say.has(key as MessageKey) ? say(key as MessageKey) : key))),
  };
  const dirty = Object.keys(change).length > 0 || photo !== null;

  async function run(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setStatus(null);
    setServerProblems({});
    try {
      const refreshed = await work();
      setStatus({ ok: true, text: done });
      if (refreshed !== "read") await client.invalidateQueries({ queryKey: keys.profile(channelId) });
    } catch (error) {
      if (error instanceof ApiError && error.fields) setServerProblems(error.fields);
      setStatus({ ok: false, text: errorText(error, t("unreachable")) });
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      const photoHandle = photo ? (await api.channels.uploadPhoto(channelId, photo.blob)).handle : undefined;
      await api.channels.saveProfile(channelId, { ...change, ...(photoHandle ? { photoHandle } : {}) });
      setPhoto(null);
    }, t("saved"));

  const checkNow = () =>
    run(async () => {
      client.setQueryData(keys.profile(channelId), await api.channels.profile(channelId, true));
      return "read";
    }, t("readNow"));

  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <Button size="sm" tone="ghost" disabled={busy} onClick={() => void checkNow()} data-testid="profile-check-now">
          {t("checkNow")}
        </Button>
      </div>
      {overview.drift && (
        <ProfileDrift
          drift={overview.drift}
          canResolve={canEdit}
          busy={busy}
          onResolve={(resolve) =>
            void run(() => api.channels.resolveDrift(channelId, resolve), resolve === "adopt" ? t("adopted") : t("overwritten"))
          }
        />
      )}
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_18rem]">
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("fields")}>
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-700">{t("photo")}</p>
            {canEdit ? <PhotoCropper onCropped={(blob) => setPhoto({ blob, url: URL.createObjectURL(blob) })} /> : null}
            {photo && <p className="text-xs text-emerald-700">{t("photoReady")}</p>}
          </div>
          <ProfileForm
            draft={draft}
            onChange={setDraft}
            problems={problems}
            disabled={!canEdit || busy}
            verticalLocked={overview.profile.vertical !== ""}
          />
          {canEdit && (
            <div className="flex items-center gap-3">
              <Button tone="primary" disabled={!dirty || !checked.success || busy} onClick={() => void save()} data-testid="profile-save">
                {busy ? t("saving") : t("save")}
              </Button>
              <Button
                disabled={!dirty || busy}
                onClick={() => {
                  setDraft(toDraft(overview.profile));
                  setPhoto(null);
                  setServerProblems({});
                }}
              >
                {t("discard")}
              </Button>
              {status && (
                <span role="status" className={`text-sm ${status.ok ? "text-emerald-700" : "text-red-700"}`} data-testid="profile-status">
                  {status.text}
                </span>
              )}
            </div>
          )}
        </section>
        <ProfilePreview
          profile={{
            name: overview.identity.name || numberName,
            officialBusinessAccount: overview.identity.officialBusinessAccount,
            ...draft,
            websites: draft.websites,
            photoUrl: photo?.url ?? overview.profile.photoUrl,
          }}
        />
      </div>
      <ProfileHistory
        versions={overview.versions}
        canRestore={canEdit}
        busy={busy}
        onRestore={(versionId) => void run(() => api.channels.restoreVersion(channelId, versionId), t("restored"))}
      />
    </div>
  );
}
