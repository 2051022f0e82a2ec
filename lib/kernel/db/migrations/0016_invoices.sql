CREATE TABLE "invoice_counters" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"series" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "invoice_counters_platform_id_live_mode_series_pk" PRIMARY KEY("platform_id","live_mode","series")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"source_key" text NOT NULL,
	"top_up_id" text NOT NULL,
	"credited_invoice_id" text,
	"currency" text NOT NULL,
	"subtotal" numeric(38, 12) NOT NULL,
	"tax_total" numeric(38, 12) NOT NULL,
	"total" numeric(38, 12) NOT NULL,
	"locale" text NOT NULL,
	"document" jsonb NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_taxes" (
	"top_up_id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"source" text NOT NULL,
	"behavior" text NOT NULL,
	"country" text,
	"name" text,
	"rate" numeric(38, 12),
	"net" numeric(38, 12) NOT NULL,
	"tax" numeric(38, 12) NOT NULL,
	"total" numeric(38, 12) NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "billing_details" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_idx" ON "invoices" USING btree ("platform_id","live_mode","kind","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_source_idx" ON "invoices" USING btree ("platform_id","live_mode","source_key");--> statement-breakpoint
CREATE INDEX "invoices_customer_idx" ON "invoices" USING btree ("platform_id","live_mode","customer_id","issued_at","id");--> statement-breakpoint
CREATE INDEX "invoices_top_up_idx" ON "invoices" USING btree ("top_up_id");--> statement-breakpoint
-- An issued invoice or credit note never changes: a mistake is corrected by a credit note, never by editing.
CREATE OR REPLACE FUNCTION billfold_refuse_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued invoices are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = '55000';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION billfold_refuse_invoice_change();
