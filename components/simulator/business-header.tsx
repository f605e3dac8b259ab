"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/components/api/client";
import { keys } from "@/components/api/queries";
import { StoreIcon, VerifiedBadge } from "@/components/ui/icons";

// The chat header on the customer's phone: the business's photo, name and badge as WhatsApp shows
// them; a tap opens the business info (the profile). Polled, so a saved profile shows up here.

const POLL_MS = 2_000;

export function BusinessHeader({ subtitle }: { subtitle: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const business = useQuery({ queryKey: keys.simulator.business, queryFn: api.simulator.business, refetchInterval: POLL_MS }).data;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        className="flex w-full items-center gap-3 bg-[#008069] px-4 py-3 text-left text-on-accent"
        data-testid="sim-business-header"
      >
        {business?.photoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- the profile photo's address, as WhatsApp serves it
          <img src={business.photoUrl} alt="" className="h-9 w-9 rounded-full object-cover" data-testid="sim-business-photo" />
        ) : (
          <span className="flex h-9 w-9 items-center justify-center rounded-full bg-white/30">
            <StoreIcon className="h-5 w-5" />
          </span>
        )}
        <span className="min-w-0">
          <span className="flex items-center gap-1 text-sm font-semibold" data-testid="sim-business-name">
            {business?.name ?? "…"}
            {business?.officialBusinessAccount && <VerifiedBadge className="h-3.5 w-3.5" />}
          </span>
          <span className="block text-xs">{subtitle}</span>
        </span>
      </button>
      {open && business && (
        <div className="space-y-1 border-b border-slate-300 bg-white px-4 py-3 text-sm" data-testid="sim-business-info">
          <p data-testid="sim-business-about">{business.about}</p>
          {business.description && <p className="whitespace-pre-wrap text-slate-600">{business.description}</p>}
          {business.address && <p className="text-slate-600">{business.address}</p>}
          {business.email && <p className="text-wa-link">{business.email}</p>}
          {business.websites.map((site) => (
            <p key={site} className="text-wa-link">
              {site}
            </p>
          ))}
        </div>
      )}
    </>
  );
}
