import { useTranslations } from "next-intl";
import { list, part, str, type Part } from "./content";

// Contact cards the customer shared (type "contacts"): name, phones, emails, organisation.

export function ContactCards({ contacts }: { contacts: unknown }) {
  const t = useTranslations("thread");
  const cards = list(contacts);
  if (cards.length === 0) return <p className="italic text-slate-500">{t("emptyContactCard")}</p>;
  return (
    <ul className="min-w-56 divide-y divide-black/5" data-testid="message-contacts">
      {cards.map((card, index) => (
        <li key={index} className="py-1 first:pt-0 last:pb-0" data-testid="contact-card">
          <ContactCard card={card} />
        </li>
      ))}
    </ul>
  );
}

function ContactCard({ card }: { card: Part }) {
  const t = useTranslations("thread");
  const name = part(card, "name");
  const org = part(card, "org");
  const displayName =
    str(name?.formatted_name) ?? ([str(name?.first_name), str(name?.last_name)].filter(Boolean).join(" ") || t("unnamedContact"));
  const organisation = [str(org?.company), str(org?.department), str(org?.title)].filter(Boolean).join(" · ");
  return (
    <div className="flex gap-2">
      <span
        className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700"
        aria-hidden
      >
        {displayName.charAt(0).toUpperCase()}
      </span>
      <div className="min-w-0 text-xs">
        <p className="text-sm font-medium">{displayName}</p>
        {organisation && <p className="text-slate-600">{organisation}</p>}
        {list(card.phones).map((phone, index) => (
          <p key={`p${index}`} className="text-slate-700">
            {str(phone.phone) ?? str(phone.wa_id)}
            {str(phone.type) && <span className="ml-1 text-slate-500">{t("phoneType", { type: String(phone.type).toLowerCase() })}</span>}
          </p>
        ))}
        {list(card.emails).map((email, index) => (
          <p key={`e${index}`} className="text-slate-700">
            {str(email.email)}
          </p>
        ))}
      </div>
    </div>
  );
}
