import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { EmailLocale } from "@/lib/domain/notifications/locale";
import type { Translate } from "./catalog";
import type { EmailContent } from "./layout";

export interface ComposeContext {
  db: DbOrTx;
  scope: CustomerScope;
  kind: string;
  data: Record<string, unknown>;
  locale: EmailLocale;
  t: Translate;
  platformName: string;
  /** The platform's signed-out page, where the customer can ask for a sign-in link. */
  signInPage: string;
  /** A single-use, 10-minute link that signs this customer in and lands on `path`. */
  signInLink: (path: string) => Promise<string>;
}

export interface Composed {
  content: EmailContent;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}
