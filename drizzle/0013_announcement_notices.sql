ALTER TABLE "announcement" ADD COLUMN "notify_by_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "announcement" ADD COLUMN "notice_cursor" uuid;--> statement-breakpoint
ALTER TABLE "announcement" ADD COLUMN "notices_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "announcement" ADD COLUMN "notices_without_email" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "announcement" ADD COLUMN "notices_done_at" timestamp (3) with time zone;