CREATE TABLE "spend_rollups" (
	"platform_id" text NOT NULL,
	"live_mode" boolean NOT NULL,
	"customer_id" text NOT NULL,
	"account_name" text NOT NULL,
	"asset_code" text NOT NULL,
	"product_id" text NOT NULL,
	"product_name" text NOT NULL,
	"bucket_start" timestamp (3) with time zone NOT NULL,
	"amount" numeric(38, 12) NOT NULL,
	"fees" integer NOT NULL,
	CONSTRAINT "spend_rollups_customer_id_asset_code_bucket_start_product_id_account_name_pk" PRIMARY KEY("customer_id","asset_code","bucket_start","product_id","account_name")
);
