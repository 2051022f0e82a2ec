import { formatDate } from "@/lib/kernel/format/dates";
import { amountText } from "./compose-payments";
import type { Composed, ComposeContext } from "./compose-types";

const dateOf = (c: ComposeContext, iso: unknown) => (typeof iso === "string" ? formatDate(iso, c.locale, "UTC") : "");

function plain(c: ComposeContext, ns: string, values: Record<string, string | number>, paragraphs: string[], button: { label: string; url: string } | null): Composed {
  return { content: { subject: c.t(`${ns}.subject`, values), heading: c.t(`${ns}.heading`), paragraphs, rows: [], button, note: null }, attachments: [] };
}

/** Low balance, credits about to expire, a failed renewal, a plan ending: facts from the event's data. */
export async function composeAccountNotice(c: ComposeContext): Promise<Composed | null> {
  const open = { label: c.t("common.openBilling"), url: c.signInPage };
  const base = { platform: c.platformName };
  switch (c.kind) {
    case "low_balance": {
      const values = { ...base, balance: await amountText(c.db, c.scope, c.data.balance, c.data.asset, c.locale), threshold: await amountText(c.db, c.scope, c.data.threshold, c.data.asset, c.locale) };
      const zero = Number(c.data.threshold ?? 0) === 0;
      return plain(c, "lowBalance", values, [c.t(zero ? "lowBalance.empty" : "lowBalance.body", values)], { label: c.t("lowBalance.button"), url: c.signInPage });
    }
    case "credits_expiring": {
      const values = { ...base, amount: await amountText(c.db, c.scope, c.data.remaining, c.data.asset, c.locale), date: dateOf(c, c.data.expires_at) };
      return plain(c, "creditsExpiring", values, [c.t("creditsExpiring.body", values)], open);
    }
    case "plan_renewal_failed":
      return plain(c, "planRenewalFailed", base, [c.t("planRenewalFailed.body", base)], open);
    case "plan_ending": {
      const values = { ...base, date: dateOf(c, c.data.current_period_end) };
      return plain(c, "planEnding", values, [c.t("planEnding.body", values)], open);
    }
    default:
      return null;
  }
}

/** The sign-in link a customer asked for on a signed-out page. */
export async function composeSignIn(c: ComposeContext): Promise<Composed> {
  const values = { platform: c.platformName, minutes: 10 };
  const link = await c.signInLink("/");
  return {
    content: { subject: c.t("signIn.subject", values), heading: c.t("signIn.heading"), paragraphs: [c.t("signIn.body", values)], rows: [], button: { label: c.t("signIn.button"), url: link }, note: c.t("signIn.ignore") },
    attachments: [],
  };
}
