CREATE TABLE "product_versions" (
	"product_id" text NOT NULL,
	"version" integer NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text NOT NULL,
	"prices" jsonb NOT NULL,
	"entitlements" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp (3) with time zone,
	CONSTRAINT "product_versions_product_id_version_pk" PRIMARY KEY("product_id","version"),
	CONSTRAINT "product_versions_status" CHECK ("product_versions"."status" IN ('draft', 'published', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"code" text NOT NULL,
	"default_version" integer,
	"latest_version" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_products" (
	"subscription_id" text NOT NULL,
	"position" integer NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"product_id" text NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "subscription_products_subscription_id_position_pk" PRIMARY KEY("subscription_id","position")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"status" text NOT NULL,
	"return_url" text,
	"failure_url" text,
	"redirect_to" text,
	"started_at" timestamp (3) with time zone NOT NULL,
	"current_period_start" timestamp (3) with time zone,
	"current_period_end" timestamp (3) with time zone,
	"canceled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_status" CHECK ("subscriptions"."status" IN ('pending', 'active', 'past_due', 'canceled'))
);
--> statement-breakpoint
CREATE TABLE "event_costs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_costs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"event_pk" bigint NOT NULL,
	"customer_id" text NOT NULL,
	"vendor_id" text NOT NULL,
	"cost_id" text,
	"amount" numeric(38, 12) NOT NULL,
	"currency" text NOT NULL,
	"description" text,
	"metadata" jsonb,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_fees" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_fees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"event_pk" bigint NOT NULL,
	"customer_id" text NOT NULL,
	"account_name" text NOT NULL,
	"asset_code" text NOT NULL,
	"amount" numeric(38, 12) NOT NULL,
	"product_id" text NOT NULL,
	"product_code" text NOT NULL,
	"product_name" text NOT NULL,
	"product_version" integer NOT NULL,
	"price_id" text NOT NULL,
	"price_name" text NOT NULL,
	"dimensions" jsonb NOT NULL,
	"quantity" numeric(38, 12) NOT NULL,
	"unit_price" numeric(38, 12),
	"volume_rate" numeric(38, 12),
	"package_size" numeric(38, 12),
	"transfer_id" text,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"pk" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_pk_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"event_type" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"subject" text,
	"description" text,
	"data" jsonb NOT NULL,
	"status" text NOT NULL,
	"rating_error" text,
	"reason_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_status" CHECK ("events"."status" IN ('billed', 'unbilled', 'rating_error'))
);
--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_versions" ADD CONSTRAINT "product_versions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_products" ADD CONSTRAINT "subscription_products_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_products" ADD CONSTRAINT "subscription_products_product_id_version_product_versions_product_id_version_fk" FOREIGN KEY ("product_id","version") REFERENCES "public"."product_versions"("product_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_costs" ADD CONSTRAINT "event_costs_event_pk_events_pk_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."events"("pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_fees" ADD CONSTRAINT "event_fees_event_pk_events_pk_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."events"("pk") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_idx" ON "products" USING btree ("platform_id","live_mode","code");--> statement-breakpoint
CREATE INDEX "products_list_idx" ON "products" USING btree ("platform_id","live_mode","created_at","id");--> statement-breakpoint
CREATE INDEX "subscription_products_customer_idx" ON "subscription_products" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "subscriptions_customer_idx" ON "subscriptions" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "event_costs_event_idx" ON "event_costs" USING btree ("event_pk");--> statement-breakpoint
CREATE INDEX "event_costs_customer_idx" ON "event_costs" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "event_costs_vendor_idx" ON "event_costs" USING btree ("vendor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "event_fees_event_idx" ON "event_fees" USING btree ("event_pk");--> statement-breakpoint
CREATE INDEX "event_fees_customer_spend_idx" ON "event_fees" USING btree ("customer_id","occurred_at","asset_code","product_id","amount");--> statement-breakpoint
CREATE UNIQUE INDEX "events_id_idx" ON "events" USING btree ("platform_id","live_mode","id");--> statement-breakpoint
CREATE INDEX "events_customer_time_idx" ON "events" USING btree ("customer_id","occurred_at","pk");--> statement-breakpoint
CREATE INDEX "events_platform_time_idx" ON "events" USING btree ("platform_id","live_mode","occurred_at","pk");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_external_id_idx" ON "vendors" USING btree ("platform_id","live_mode","external_id");--> statement-breakpoint
CREATE INDEX "vendors_list_idx" ON "vendors" USING btree ("platform_id","live_mode","created_at","id");