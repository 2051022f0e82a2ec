/** Says plainly that no real money moves: the built-in test provider is taking payments. */
export function TestModeNote() {
  return (
    <p className="rounded-lg border border-warning bg-warning-soft px-4 py-3 text-sm text-warning">
      <strong>TEST MODE.</strong> Payments here use test cards only (such as 4242 4242 4242 4242); no real money is charged.
    </p>
  );
}
