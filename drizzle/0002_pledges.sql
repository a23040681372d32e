CREATE TABLE "apel_attendance" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "apel_attendance_tenant_id_report_id_employee_id_pk" PRIMARY KEY("tenant_id","report_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "apel_photo" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"captured_at" timestamp (3) with time zone,
	CONSTRAINT "apel_photo_tenant_id_report_id_file_id_pk" PRIMARY KEY("tenant_id","report_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "apel_report" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"leader_name" text NOT NULL,
	"reader_name" text NOT NULL,
	"witnesses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"number" text,
	"berita_acara_file_id" uuid,
	"review_note" text,
	"submitted_at" timestamp (3) with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"reviewed_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apel_report_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "apel_report_unit_key" UNIQUE("tenant_id","campaign_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "data_correction" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"campaign_id" uuid,
	"message" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	CONSTRAINT "data_correction_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "election_contest" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"penetapan_calon_on" date NOT NULL,
	CONSTRAINT "election_contest_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "election_event" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"stages" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "election_event_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "pledge_campaign" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"target_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sign_deadline" date NOT NULL,
	"apel_unit_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"apel_report_deadline" date,
	"signing_place" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_campaign_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "pledge_signature" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"ikrar_template_id" uuid NOT NULL,
	"pakta_template_id" uuid NOT NULL,
	"method" text NOT NULL,
	"identity" jsonb NOT NULL,
	"typed_name" text NOT NULL,
	"drawn_signature" text,
	"text_sha256" text NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL,
	"server_signature" text NOT NULL,
	"key_id" text NOT NULL,
	"paper_signed_on" date,
	"paper_scan_file_id" uuid,
	"recorded_by" uuid,
	"pdf_file_id" uuid,
	"pdf_sha256" text,
	"revoked_at" timestamp (3) with time zone,
	"revoked_reason" text,
	CONSTRAINT "pledge_signature_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "pledge_signature_once_key" UNIQUE("tenant_id","campaign_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "pledge_template" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_template_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "pledge_template_version_key" UNIQUE("tenant_id","campaign_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "reminder_log" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_log_tenant_id_campaign_id_kind_recipient_sent_on_pk" PRIMARY KEY("tenant_id","campaign_id","kind","recipient","sent_on")
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_file_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "apel_attendance" ADD CONSTRAINT "apel_attendance_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_attendance" ADD CONSTRAINT "attendance_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."apel_report"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_attendance" ADD CONSTRAINT "attendance_employee_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employee"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_photo" ADD CONSTRAINT "apel_photo_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_photo" ADD CONSTRAINT "photo_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."apel_report"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_photo" ADD CONSTRAINT "photo_file_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."stored_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_report" ADD CONSTRAINT "apel_report_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_report" ADD CONSTRAINT "apel_campaign_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."pledge_campaign"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_report" ADD CONSTRAINT "apel_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_correction" ADD CONSTRAINT "data_correction_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_correction" ADD CONSTRAINT "correction_employee_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employee"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_contest" ADD CONSTRAINT "election_contest_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_contest" ADD CONSTRAINT "contest_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."election_event"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "election_event" ADD CONSTRAINT "election_event_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_campaign" ADD CONSTRAINT "pledge_campaign_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_campaign" ADD CONSTRAINT "campaign_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."election_event"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_signature" ADD CONSTRAINT "pledge_signature_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_signature" ADD CONSTRAINT "signature_campaign_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."pledge_campaign"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_signature" ADD CONSTRAINT "signature_employee_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employee"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_template" ADD CONSTRAINT "pledge_template_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_template" ADD CONSTRAINT "template_campaign_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."pledge_campaign"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD CONSTRAINT "reminder_log_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pledge_signature_id_idx" ON "pledge_signature" USING btree ("id");--> statement-breakpoint
CREATE INDEX "pledge_signature_pdf_idx" ON "pledge_signature" USING btree ("pdf_sha256");--> statement-breakpoint
CREATE INDEX "stored_file_sha_idx" ON "stored_file" USING btree ("tenant_id","sha256");