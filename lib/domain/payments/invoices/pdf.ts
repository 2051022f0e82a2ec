import PDFDocument from "pdfkit";
import type { InvoiceDocument } from "./document";
import { faceFor, fontFile, type FaceName } from "./fonts";
import { presentDocument, type PresentedDocument } from "./present";

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;
// Description, quantity, unit price, amount.
const COLUMNS = [0, 250, 345, 420];
const COLUMN_WIDTHS = [240, 90, 70, WIDTH - 420];

type Doc = PDFKit.PDFDocument;

const registered = new WeakMap<Doc, Set<FaceName>>();

/** Selects the face that can draw `text` (registering it on first use, so CJK fonts load only when needed). */
function font(doc: Doc, weight: "regular" | "bold", text: string): Doc {
  const face = faceFor(text, weight);
  const faces = registered.get(doc) ?? new Set<FaceName>();
  registered.set(doc, faces);
  if (!faces.has(face)) {
    doc.registerFont(face, fontFile(face));
    faces.add(face);
  }
  return doc.font(face);
}

function header(doc: Doc, p: PresentedDocument): void {
  font(doc, "bold", p.title).fontSize(20).text(p.title, MARGIN, MARGIN);
  if (p.testMode) font(doc, "regular", p.testMode).fontSize(9).fillColor("#b45309").text(p.testMode).fillColor("black");
  doc.moveDown(0.5).fontSize(10);
  for (const m of p.meta) {
    font(doc, "regular", m.label).text(`${m.label}: `, { continued: true });
    font(doc, "bold", m.value).text(m.value);
  }
}

function parties(doc: Doc, p: PresentedDocument): void {
  const top = doc.y + 16;
  const half = WIDTH / 2 - 10;
  let bottom = top;
  for (const [i, party] of [p.seller, p.buyer].entries()) {
    const x = MARGIN + i * (half + 20);
    font(doc, "bold", party.heading).fontSize(10).text(party.heading, x, top, { width: half });
    for (const line of party.lines) font(doc, "regular", line).fontSize(10).text(line, x, undefined, { width: half });
    bottom = Math.max(bottom, doc.y);
  }
  doc.y = bottom + 20;
}

function row(doc: Doc, cells: string[], weight: "regular" | "bold"): number {
  const top = doc.y;
  let bottom = top;
  cells.forEach((cell, i) => {
    font(doc, weight, cell).fontSize(10).text(cell, MARGIN + COLUMNS[i]!, top, { width: COLUMN_WIDTHS[i]!, align: i === 0 ? "left" : "right" });
    bottom = Math.max(bottom, doc.y);
  });
  doc.y = bottom + 4;
  return bottom;
}

function lines(doc: Doc, p: PresentedDocument): void {
  row(doc, p.columns, "bold");
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + WIDTH, doc.y).stroke();
  doc.y += 6;
  for (const l of p.lines) {
    row(doc, [l.description, l.quantity, l.rate, l.amount], "regular");
    if (l.detail) font(doc, "regular", l.detail).fontSize(9).fillColor("#444").text(l.detail, MARGIN, undefined, { width: COLUMN_WIDTHS[0] }).fillColor("black");
    doc.y += 4;
  }
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + WIDTH, doc.y).stroke();
  doc.y += 8;
}

function totals(doc: Doc, p: PresentedDocument): void {
  for (const t of p.totals) {
    const top = doc.y;
    const weight = t.strong ? "bold" : "regular";
    font(doc, weight, t.label).fontSize(t.strong ? 12 : 10).text(t.label, MARGIN + 250, top, { width: 160, align: "right" });
    font(doc, weight, t.value).text(t.value, MARGIN + 420, top, { width: WIDTH - 420, align: "right" });
    doc.y += 2;
  }
  doc.moveDown(1.5);
  for (const line of p.payment) font(doc, "regular", line).fontSize(10).text(line, MARGIN, undefined, { width: WIDTH });
  if (p.footer.length) doc.moveDown(1.5).fillColor("#444");
  for (const line of p.footer) font(doc, "regular", line).fontSize(9).text(line, MARGIN, undefined, { width: WIDTH });
}

/** The document as a PDF (A4), with its fonts embedded (subset) so it prints the same anywhere. */
export function renderPdf(d: InvoiceDocument): Promise<Buffer> {
  const p = presentDocument(d);
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${p.title} ${d.number}`, Author: d.seller.legal_name } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  header(doc, p);
  parties(doc, p);
  lines(doc, p);
  totals(doc, p);
  doc.end();
  return done;
}
