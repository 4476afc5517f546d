CREATE TABLE "checkout_drafts" (
	"owner" text PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "checkout_drafts_updated_at_idx" ON "checkout_drafts" USING btree ("updated_at");