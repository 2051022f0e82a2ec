import { z } from "zod";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { updateCustomerSchema } from "@/lib/domain/customers/customer-billing";
import type { Operation } from "@/lib/http/openapi/operation";
import { pageOf } from "@/lib/http/openapi/responses/common";
import { customerResponse } from "@/lib/http/openapi/responses/customers";
import { invoiceResponse } from "@/lib/http/openapi/responses/invoices";

/** Billing details, invoices and credit notes. */
export const invoiceOperations: Operation[] = [
  {
    method: "patch", path: "/customers/{customerId}", operationId: "Customers_update", tag: "Customers",
    summary: "Set the customer's billing details: name or company, address, tax ID (format-checked), receipt email (Billfold extension)",
    body: updateCustomerSchema, response: { status: 200, description: "OK", schema: customerResponse },
  },
  {
    method: "get", path: "/customers/{customerId}/invoices", operationId: "Invoices_listForCustomer", tag: "Invoices",
    summary: "The customer's invoices and credit notes, newest first", query: pageQuerySchema, response: { status: 200, description: "OK", schema: pageOf(invoiceResponse) },
  },
  {
    method: "get", path: "/invoices/{invoiceId}", operationId: "Invoices_get", tag: "Invoices",
    summary: "One invoice or credit note, as issued", response: { status: 200, description: "OK", schema: invoiceResponse },
  },
  {
    method: "get", path: "/invoices/{invoiceId}/pdf", operationId: "Invoices_getPdf", tag: "Invoices",
    summary: "The invoice or credit note as a PDF",
    response: { status: 200, description: "The PDF", schema: z.string().meta({ format: "binary" }), contentType: "application/pdf" },
  },
];
