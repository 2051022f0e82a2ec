/** In place of a payment form when this portal cannot take payments (live mode without Stripe). */
export function PaymentsUnavailable({ message }: { message: string }) {
  return <p role="status" className="rounded-xl border border-line bg-surface-raised p-5 text-fg-muted">{message}</p>;
}
