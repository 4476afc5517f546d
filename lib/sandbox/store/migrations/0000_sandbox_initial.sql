CREATE TABLE "sandbox_idempotency" (
	"key" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_records" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"seq" bigserial NOT NULL,
	"mode" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "sandbox_records_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"test" boolean NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"url" text NOT NULL,
	"status" text NOT NULL,
	"attempts" jsonb NOT NULL,
	"next_attempt_at" bigint,
	"claimed_until" bigint,
	"claimed_by" text
);
--> statement-breakpoint
CREATE INDEX "sandbox_records_kind_seq_idx" ON "sandbox_records" USING btree ("kind","seq");--> statement-breakpoint
CREATE INDEX "sandbox_webhook_deliveries_due_idx" ON "sandbox_webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sandbox_webhook_deliveries_seq_idx" ON "sandbox_webhook_deliveries" USING btree ("seq");