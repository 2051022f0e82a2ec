CREATE TABLE "wallet_budget_periods" (
	"account_id" bigint NOT NULL,
	"period_start" timestamp (3) with time zone NOT NULL,
	"spent" numeric(38, 12) NOT NULL,
	"alerted" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "wallet_budget_periods_account_id_period_start_pk" PRIMARY KEY("account_id","period_start")
);
--> statement-breakpoint
CREATE TABLE "wallet_budgets" (
	"account_id" bigint PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"period" text NOT NULL,
	"limit_amount" numeric(38, 12) NOT NULL,
	"thresholds" integer[] NOT NULL,
	"hard_stop" boolean NOT NULL,
	"lane_dimension" text,
	"lane_value" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_budgets_period" CHECK ("wallet_budgets"."period" IN ('day', 'week', 'month')),
	CONSTRAINT "wallet_budgets_limit" CHECK ("wallet_budgets"."limit_amount" >= 0),
	CONSTRAINT "wallet_budgets_lane" CHECK (("wallet_budgets"."lane_dimension" IS NULL) = ("wallet_budgets"."lane_value" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "wallet_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"account_id" bigint NOT NULL,
	"customer_id" text NOT NULL,
	"account_name" text NOT NULL,
	"asset_code" text NOT NULL,
	"amount" numeric(38, 12) NOT NULL,
	"subject" text,
	"description" text,
	"status" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"settled_amount" numeric(38, 12),
	"event_id" text,
	"resolved_at" timestamp (3) with time zone,
	"idempotency_key" text,
	"request_hash" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallet_holds_status" CHECK ("wallet_holds"."status" IN ('active', 'settled', 'released', 'expired')),
	CONSTRAINT "wallet_holds_amount" CHECK ("wallet_holds"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "guarded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "wallet_budget_periods" ADD CONSTRAINT "wallet_budget_periods_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_budgets" ADD CONSTRAINT "wallet_budgets_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_holds" ADD CONSTRAINT "wallet_holds_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_holds_active_idx" ON "wallet_holds" USING btree ("account_id","expires_at") WHERE "wallet_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "wallet_holds_customer_idx" ON "wallet_holds" USING btree ("platform_id","live_mode","customer_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_holds_idempotency_idx" ON "wallet_holds" USING btree ("platform_id","live_mode","idempotency_key") WHERE "wallet_holds"."idempotency_key" IS NOT NULL;