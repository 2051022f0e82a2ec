import Link from "next/link";
import { EmptyState } from "@/components/ui/card";

// Something inside the portal that does not exist or is not this customer's (an order, a top-up): the
// portal stays around it, with a way on.
export default function PortalNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">We can’t find that</h1>
      <EmptyState title="It may have been mistyped, or it belongs to another account.">
        <p className="mt-2 flex flex-wrap justify-center gap-4" data-testid="way-back">
          <Link className="font-medium text-brand-text underline" href="/orders">See your orders</Link>
          <Link className="font-medium text-brand-text underline" href="/">Go to your billing overview</Link>
        </p>
      </EmptyState>
    </div>
  );
}
