ALTER TABLE "subscriptions" ADD COLUMN "cancel_at_period_end" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "payment_method_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "renewal_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "scheduled_product_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "scheduled_version" integer;--> statement-breakpoint
ALTER TABLE "auto_top_up_attempts" ADD COLUMN "purpose" text DEFAULT 'auto_top_up' NOT NULL;--> statement-breakpoint
ALTER TABLE "top_ups" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "top_ups" ADD COLUMN "period_start" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "top_ups_subscription_idx" ON "top_ups" USING btree ("subscription_id") WHERE "top_ups"."subscription_id" IS NOT NULL;