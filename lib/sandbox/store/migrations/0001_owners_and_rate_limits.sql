CREATE TABLE "sandbox_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sandbox_records" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "sandbox_records" ADD COLUMN "created_at" bigint;--> statement-breakpoint
ALTER TABLE "sandbox_webhook_deliveries" ADD COLUMN "owner" text;--> statement-breakpoint
-- Rows stored before objects had owners belong to the development key sk_test_SandboxShopKey0000000000000
-- (the digest below, see owner.ts) and count as created now.
UPDATE "sandbox_records" SET "owner" = '8514eaf815c948edd3663d8561e293f9', "created_at" = (extract(epoch from now()) * 1000)::bigint;--> statement-breakpoint
UPDATE "sandbox_webhook_deliveries" SET "owner" = '8514eaf815c948edd3663d8561e293f9';--> statement-breakpoint
ALTER TABLE "sandbox_records" ALTER COLUMN "owner" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sandbox_records" ALTER COLUMN "created_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sandbox_webhook_deliveries" ALTER COLUMN "owner" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "sandbox_records_owner_kind_seq_idx" ON "sandbox_records" USING btree ("owner","kind","seq");--> statement-breakpoint
CREATE INDEX "sandbox_records_created_at_idx" ON "sandbox_records" USING btree ("created_at");
