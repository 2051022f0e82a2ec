CREATE TABLE "auto_top_up_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"account_name" text NOT NULL,
	"asset_code" text NOT NULL,
	"status" text NOT NULL,
	"amount" numeric(38, 12) NOT NULL,
	"currency" text NOT NULL,
	"units" numeric(38, 12),
	"payment_method_id" text,
	"top_up_id" text,
	"payment_intent_id" text,
	"reason" text,
	"decline_code" text,
	"hard_decline" boolean DEFAULT false NOT NULL,
	"next_retry_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auto_top_ups" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"account_name" text NOT NULL,
	"asset_code" text NOT NULL,
	"enabled" boolean NOT NULL,
	"threshold" numeric(38, 12) NOT NULL,
	"amount" numeric(38, 12) NOT NULL,
	"currency" text NOT NULL,
	"monthly_cap" numeric(38, 12),
	"payment_method_id" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"retry_after" timestamp (3) with time zone,
	"action_required_attempt_id" text,
	"disabled_reason" text,
	"disabled_at" timestamp (3) with time zone,
	"consented_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "auto_top_ups_platform_id_live_mode_customer_id_account_name_asset_code_pk" PRIMARY KEY("platform_id","live_mode","customer_id","account_name","asset_code")
);
--> statement-breakpoint
CREATE TABLE "payment_customers" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"provider" text NOT NULL,
	"provider_customer_id" text NOT NULL,
	"default_payment_method_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_customers_platform_id_live_mode_customer_id_provider_pk" PRIMARY KEY("platform_id","live_mode","customer_id","provider")
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"type" text NOT NULL,
	"livemode" boolean NOT NULL,
	"payload" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"processed_at" timestamp (3) with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "top_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"origin" text NOT NULL,
	"provider" text NOT NULL,
	"status" text NOT NULL,
	"amount" numeric(38, 12) NOT NULL,
	"currency" text NOT NULL,
	"account_name" text NOT NULL,
	"asset_code" text NOT NULL,
	"units" numeric(38, 12) NOT NULL,
	"rate" numeric(38, 12),
	"inverse_rate" numeric(38, 12),
	"rate_source" text,
	"description" text,
	"metadata" jsonb,
	"credit_expires_at" timestamp (3) with time zone,
	"return_url" text,
	"failure_url" text,
	"idempotency_key" text,
	"request_hash" text,
	"checkout_session_id" text,
	"checkout_url" text,
	"payment_intent_id" text,
	"attempt_id" text,
	"card_brand" text,
	"card_last4" text,
	"receipt_url" text,
	"failure_code" text,
	"failure_message" text,
	"transfer_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_checkout_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"idempotency_key" text NOT NULL,
	"provider_customer_id" text NOT NULL,
	"mode" text NOT NULL,
	"top_up_id" text,
	"amount" numeric(38, 12),
	"currency" text,
	"description" text,
	"success_url" text NOT NULL,
	"cancel_url" text NOT NULL,
	"metadata" jsonb NOT NULL,
	"status" text NOT NULL,
	"payment_intent_id" text,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_checkout_sessions_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "test_payment_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"idempotency_key" text,
	"provider_customer_id" text NOT NULL,
	"payment_method_id" text,
	"amount" numeric(38, 12) NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"metadata" jsonb NOT NULL,
	"last_error" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_payment_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"provider_customer_id" text NOT NULL,
	"brand" text NOT NULL,
	"last4" text NOT NULL,
	"exp_month" integer NOT NULL,
	"exp_year" integer NOT NULL,
	"behaviour" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"detached_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD COLUMN "auto_top_up_threshold" numeric(38, 12);--> statement-breakpoint
CREATE UNIQUE INDEX "auto_top_up_attempts_in_flight_idx" ON "auto_top_up_attempts" USING btree ("platform_id","live_mode","customer_id","account_name","asset_code") WHERE "auto_top_up_attempts"."status" IN ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "auto_top_up_attempts_account_idx" ON "auto_top_up_attempts" USING btree ("platform_id","live_mode","customer_id","account_name","asset_code","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "auto_top_up_attempts_open_idx" ON "auto_top_up_attempts" USING btree ("status","updated_at") WHERE "auto_top_up_attempts"."status" IN ('pending', 'processing');--> statement-breakpoint
CREATE UNIQUE INDEX "payment_customers_provider_idx" ON "payment_customers" USING btree ("provider","provider_customer_id");--> statement-breakpoint
CREATE INDEX "payment_events_unprocessed_idx" ON "payment_events" USING btree ("received_at") WHERE "payment_events"."processed_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "top_ups_idempotency_idx" ON "top_ups" USING btree ("platform_id","live_mode","idempotency_key") WHERE "top_ups"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "top_ups_payment_intent_idx" ON "top_ups" USING btree ("payment_intent_id") WHERE "top_ups"."payment_intent_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "top_ups_customer_idx" ON "top_ups" USING btree ("platform_id","live_mode","customer_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "top_ups_list_idx" ON "top_ups" USING btree ("platform_id","live_mode","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "top_ups_pending_idx" ON "top_ups" USING btree ("platform_id","live_mode","customer_id","account_name","asset_code") WHERE "top_ups"."status" IN ('initiated', 'processing');--> statement-breakpoint
CREATE UNIQUE INDEX "test_payment_intents_idem_idx" ON "test_payment_intents" USING btree ("idempotency_key") WHERE "test_payment_intents"."idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "test_payment_methods_customer_idx" ON "test_payment_methods" USING btree ("provider_customer_id");