ALTER TABLE "orders" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "content_digest" text;--> statement-breakpoint
CREATE INDEX "orders_owner_idx" ON "orders" USING btree ("owner");