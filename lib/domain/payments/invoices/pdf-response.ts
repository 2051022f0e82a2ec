import { renderPdf } from "./pdf";
import { documentOf, type InvoiceRow } from "./serialize";

/** The document as a PDF download named after its number. */
export async function pdfResponse(row: InvoiceRow): Promise<Response> {
  const pdf = await renderPdf(documentOf(row));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${row.number.replace(/[^A-Za-z0-9-]/g, "")}.pdf"`,
      "cache-control": "private, max-age=3600, immutable",
    },
  });
}
