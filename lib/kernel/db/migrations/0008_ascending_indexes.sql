DROP INDEX "asset_rates_asset_idx";--> statement-breakpoint
DROP INDEX "customers_list_idx";--> statement-breakpoint
DROP INDEX "ledger_entries_customer_idx";--> statement-breakpoint
DROP INDEX "ledger_entries_customer_category_idx";--> statement-breakpoint
DROP INDEX "ledger_entries_account_time_idx";--> statement-breakpoint
DROP INDEX "auto_top_up_attempts_account_idx";--> statement-breakpoint
DROP INDEX "top_ups_customer_idx";--> statement-breakpoint
DROP INDEX "top_ups_list_idx";--> statement-breakpoint
CREATE INDEX "asset_rates_asset_idx" ON "asset_rates" USING btree ("platform_id","live_mode","asset_code","source","effective_at");--> statement-breakpoint
CREATE INDEX "customers_list_idx" ON "customers" USING btree ("platform_id","live_mode","created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_customer_idx" ON "ledger_entries" USING btree ("customer_id","created_at","id") WHERE "ledger_entries"."customer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "ledger_entries_customer_category_idx" ON "ledger_entries" USING btree ("customer_id","category","created_at","id") WHERE "ledger_entries"."customer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "ledger_entries_account_time_idx" ON "ledger_entries" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "auto_top_up_attempts_account_idx" ON "auto_top_up_attempts" USING btree ("platform_id","live_mode","customer_id","account_name","asset_code","created_at");--> statement-breakpoint
CREATE INDEX "top_ups_customer_idx" ON "top_ups" USING btree ("platform_id","live_mode","customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "top_ups_list_idx" ON "top_ups" USING btree ("platform_id","live_mode","created_at","id");