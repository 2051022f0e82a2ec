CREATE TABLE "coupon_redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"coupon_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"bonuses_left" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"code" text NOT NULL,
	"code_lower" text NOT NULL,
	"kind" text NOT NULL,
	"terms" jsonb NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"max_redemptions" integer,
	"redemptions" integer DEFAULT 0 NOT NULL,
	"deactivated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"account_id" bigint NOT NULL,
	"customer_id" text NOT NULL,
	"account_name" text NOT NULL,
	"asset_code" text NOT NULL,
	"purpose" text NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"transfer_id" text NOT NULL,
	"amount" numeric(38, 12) NOT NULL,
	"remaining" numeric(38, 12) NOT NULL,
	"effective_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"expired_at" timestamp (3) with time zone,
	"expiry_transfer_id" text,
	"expiring_notified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_grants_purpose" CHECK ("credit_grants"."purpose" IN ('promotional', 'bundled', 'paid')),
	CONSTRAINT "credit_grants_remaining" CHECK ("credit_grants"."remaining" >= 0 AND "credit_grants"."remaining" <= "credit_grants"."amount" AND "credit_grants"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "entitlement_periods" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"subscription_id" text NOT NULL,
	"product_version_key" text NOT NULL,
	"entitlement_index" integer NOT NULL,
	"period_start" timestamp (3) with time zone NOT NULL,
	"period_end" timestamp (3) with time zone,
	"grant_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_redemptions_once_idx" ON "coupon_redemptions" USING btree ("coupon_id","customer_id");--> statement-breakpoint
CREATE INDEX "coupon_redemptions_bonus_idx" ON "coupon_redemptions" USING btree ("customer_id") WHERE "coupon_redemptions"."bonuses_left" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_code_idx" ON "coupons" USING btree ("platform_id","live_mode","code_lower");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_grants_transfer_idx" ON "credit_grants" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "credit_grants_live_idx" ON "credit_grants" USING btree ("account_id") WHERE "credit_grants"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "credit_grants_customer_idx" ON "credit_grants" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_periods_key_idx" ON "entitlement_periods" USING btree ("subscription_id","product_version_key","entitlement_index","period_start");