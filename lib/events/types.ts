import type { Decimal } from "@/lib/money";
import type { EventRating, ProductFee, UnbilledCode } from "@/lib/pricing";
import type { UsageEventInput } from "./schemas";

/** One POST /events request, as the ingest pipeline carries it. */
export interface IngestRequest {
  customer: { id: string } | { externalId: string };
  events: UsageEventInput[];
  /** When the request arrived: the occurred_at of events that omit it, and "now" for the future check. */
  receivedAt: Date;
}

export type RejectCode = "occurred_at_in_future" | "unknown_vendor";

export type EventOutcome =
  | { id: string; status: "accepted"; fees: ProductFee[] }
  | { id: string; status: "unbilled"; code: UnbilledCode | "rating_error"; reason: string }
  | { id: string; status: "duplicate" }
  | { id: string; status: "rejected"; code: RejectCode; reason: string };

export interface WalletBalance {
  accountId: string;
  asset: string;
  available: Decimal;
}

export interface IngestResult {
  customerId: string;
  items: EventOutcome[];
  /** Balances after the debit of each wallet account this request charged. */
  balances: WalletBalance[];
}

export interface ResolvedCost {
  vendorId: string;
  costId: string | null;
  amount: Decimal;
  currency: string;
  description: string | null;
  metadata: Record<string, string> | null;
}

/** A new event ready to store: rated, with its costs resolved, waiting for the duplicate check. */
export interface Candidate {
  request: number;
  index: number;
  customerId: string;
  input: UsageEventInput;
  occurredAt: Date;
  rating: EventRating;
  costs: ResolvedCost[];
}
