CREATE TABLE "recap_job" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"pdf_file_id" uuid,
	"xlsx_file_id" uuid,
	"schedule_key" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"error" text,
	"notified_at" timestamp (3) with time zone,
	CONSTRAINT "recap_job_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recap_job_schedule_key" UNIQUE("tenant_id","schedule_key")
);
--> statement-breakpoint
CREATE TABLE "recap_setting" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"weekly_enabled" boolean DEFAULT true NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcement" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"reference" text,
	"target_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"has_quiz" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "announcement_receipt" (
	"tenant_id" uuid NOT NULL,
	"announcement_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"read_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp (3) with time zone,
	CONSTRAINT "announcement_receipt_tenant_id_announcement_id_employee_id_pk" PRIMARY KEY("tenant_id","announcement_id","employee_id")
);
--> statement-breakpoint
ALTER TABLE "recap_job" ADD CONSTRAINT "recap_job_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recap_setting" ADD CONSTRAINT "recap_setting_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_receipt" ADD CONSTRAINT "announcement_receipt_announcement_fk" FOREIGN KEY ("tenant_id","announcement_id") REFERENCES "public"."announcement"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recap_job_created_idx" ON "recap_job" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "announcement_published_idx" ON "announcement" USING btree ("tenant_id","published_at");