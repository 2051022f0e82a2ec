CREATE TABLE "task_counts" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text PRIMARY KEY NOT NULL,
	"tasks" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_rollups" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"subject" text NOT NULL,
	"event_count" integer NOT NULL,
	"first_occurred_at" timestamp (3) with time zone NOT NULL,
	"last_occurred_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "task_rollups_customer_id_subject_pk" PRIMARY KEY("customer_id","subject")
);
--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "parent_platform_id" text;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "live_mode" boolean;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "platforms" ADD COLUMN "metadata" jsonb;--> statement-breakpoint
ALTER TABLE "webhook_destinations" ADD COLUMN "connect" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "task_rollups_newest_idx" ON "task_rollups" USING btree ("customer_id","platform_id","live_mode","first_occurred_at","subject");--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_parent_platform_id_platforms_id_fk" FOREIGN KEY ("parent_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_customer_subject_idx" ON "events" USING btree ("customer_id","subject","occurred_at","pk") WHERE "events"."subject" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "platforms_connected_external_id_idx" ON "platforms" USING btree ("parent_platform_id","live_mode","external_id");--> statement-breakpoint
CREATE INDEX "platforms_connected_list_idx" ON "platforms" USING btree ("parent_platform_id","live_mode","created_at","id");--> statement-breakpoint
-- Tasks of events stored before the rollup existed; from here on ingest maintains them.
INSERT INTO "task_rollups" ("platform_id", "live_mode", "customer_id", "subject", "event_count", "first_occurred_at", "last_occurred_at")
SELECT platform_id, live_mode, customer_id, subject, count(*), min(occurred_at), max(occurred_at)
FROM "events" WHERE subject IS NOT NULL
GROUP BY platform_id, live_mode, customer_id, subject
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "task_counts" ("platform_id", "live_mode", "customer_id", "tasks")
SELECT platform_id, live_mode, customer_id, count(*) FROM "task_rollups" GROUP BY platform_id, live_mode, customer_id
ON CONFLICT DO NOTHING;
