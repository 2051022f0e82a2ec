// Spreadsheet apps run cells that start with these as formulas; text cells get a leading quote.
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when it must be, and text that a spreadsheet would run as a formula defused. */
export function csvCell(value: string, text: boolean): string {
  const safe = text && FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A CSV file produced page by page, so a long history streams out in constant memory instead of
 * being built up front.
 */
export function csvStream(header: string[], page: (cursor: string | undefined) => Promise<{ lines: string[]; nextCursor: string | null }>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${header.map((h) => csvCell(h, true)).join(",")}\r\n`));
      }
      const next = await page(cursor);
      if (next.lines.length > 0) controller.enqueue(encoder.encode(next.lines.map((l) => `${l}\r\n`).join("")));
      if (!next.nextCursor) controller.close();
      cursor = next.nextCursor ?? undefined;
    },
  });
}
