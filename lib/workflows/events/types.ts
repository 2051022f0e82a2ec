import type { Decimal } from "@/lib/kernel/money";
import type { EventRating, ProductFee, UnbilledCode } from "@/lib/domain/pricing";
import type { UsageEventInput } from "./schemas";

/** One POST /events request, as the ingest pipeline carries it. */
export interface IngestRequest {
  customer: { id: string } | { externalId: string };
  events: UsageEventInput[];
  /** When the request arrived: the occurred_at of events that omit it, and "now" for the future check. */
  receivedAt: Date;
}

type RejectCode = "occurred_at_in_future" | "budget_exceeded" | "hold_not_found";

/** Something about a stored event's cost lines the platform should know; it never changes what is billed. */
export interface EventWarning {
  code: "unknown_vendor" | "vendor_registered";
  field: string;
  message: string;
}

export type EventOutcome =
  | { id: string; status: "billed"; fees: ProductFee[]; warnings: EventWarning[] }
  | { id: string; status: "unbilled"; code: UnbilledCode | "rating_error"; reason: string; warnings: EventWarning[] }
  | { id: string; status: "duplicate" }
  | { id: string; status: "rejected"; code: RejectCode; reason: string };

interface WalletBalance {
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
  /** Null for an unattributed cost (an unknown vendor_id), or until a vendor cited by external id is registered. */
  vendorId: string | null;
  /** The external id of a vendor to register on first sight; null once resolved. */
  newVendor: string | null;
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
  warnings: EventWarning[];
}
