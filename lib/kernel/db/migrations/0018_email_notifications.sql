CREATE TABLE "email_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"message_key" text NOT NULL,
	"to_address" text NOT NULL,
	"locale" text NOT NULL,
	"data" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp (3) with time zone,
	"sent_at" timestamp (3) with time zone,
	"subject" text,
	"text_body" text,
	"html_body" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_preferences" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"opted_out" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"locale" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "email_preferences_platform_id_live_mode_customer_id_pk" PRIMARY KEY("platform_id","live_mode","customer_id")
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"address" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_key_idx" ON "email_messages" USING btree ("platform_id","live_mode","message_key");--> statement-breakpoint
CREATE INDEX "email_messages_customer_idx" ON "email_messages" USING btree ("platform_id","live_mode","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "email_messages_scope_idx" ON "email_messages" USING btree ("platform_id","live_mode","created_at");