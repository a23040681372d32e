CREATE TABLE "case_document" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"subject_id" uuid,
	"event_seq" integer,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_document_tenant_id_case_id_id_pk" PRIMARY KEY("tenant_id","case_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"corrects_seq" integer,
	CONSTRAINT "case_event_tenant_id_case_id_seq_pk" PRIMARY KEY("tenant_id","case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_evidence" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"file_id" uuid,
	"report_id" uuid,
	"capture_id" uuid,
	"sha256" text NOT NULL,
	"mime_type" text,
	"size" integer,
	"description" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_evidence_tenant_id_case_id_id_pk" PRIMARY KEY("tenant_id","case_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_exclusion" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "case_exclusion_tenant_id_case_id_user_id_pk" PRIMARY KEY("tenant_id","case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"origin" text NOT NULL,
	"origin_ref" jsonb,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"state" text NOT NULL,
	"close_reason" text,
	"election_event_id" uuid,
	"election_contest_id" uuid,
	"act_kind" text,
	"act_date" date,
	"discovered_on" date,
	"place" text,
	"catalogue_id" uuid,
	"assignee_user_id" uuid,
	"due_on" date,
	"step_started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"external" jsonb,
	"merged_into" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "case_file_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_file_number_key" UNIQUE("tenant_id","number")
);
--> statement-breakpoint
CREATE TABLE "case_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"step_days" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"escalation_gap_days" integer DEFAULT 2 NOT NULL,
	"letter_code" text DEFAULT '800.1.6.4' NOT NULL,
	"letter_place" text,
	"ppk_title" text DEFAULT 'Bupati' NOT NULL,
	"ppk_name" text,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_subject" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid,
	"name" text NOT NULL,
	"id_number" text,
	"position" text,
	"unit_id" uuid,
	"unit_name" text,
	"category" text,
	"jabatan_class" text,
	"track" text NOT NULL,
	"proposed_item_code" text,
	"item_code" text,
	"tier" text,
	"override_reason" text,
	"finding" text,
	"finding_reason" text,
	"recommended_tier" text,
	"sanction" text,
	"sk_number" text,
	"sk_date" date,
	"follow_up" jsonb,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_subject_tenant_id_case_id_id_pk" PRIMARY KEY("tenant_id","case_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"case_id" uuid,
	"dedupe_key" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone,
	CONSTRAINT "notification_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notification_dedupe_key" UNIQUE("tenant_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "satgas_decree" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"signed_on" date NOT NULL,
	"signer_title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"scope_unit_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satgas_decree_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "satgas_member" (
	"tenant_id" uuid NOT NULL,
	"decree_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"position" text NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"employee_id" uuid,
	"user_id" uuid,
	"ordinal" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "satgas_member_tenant_id_decree_id_id_pk" PRIMARY KEY("tenant_id","decree_id","id")
);
--> statement-breakpoint
CREATE TABLE "tenant_counter" (
	"tenant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tenant_counter_tenant_id_scope_pk" PRIMARY KEY("tenant_id","scope")
);
--> statement-breakpoint
CREATE TABLE "tenant_holiday" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid,
	CONSTRAINT "tenant_holiday_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "violation_catalogue" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"is_current" boolean DEFAULT false NOT NULL,
	"published_by" uuid,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "violation_catalogue_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "violation_catalogue_version_key" UNIQUE("tenant_id","version")
);
--> statement-breakpoint
CREATE TABLE "violation_item" (
	"tenant_id" uuid NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"code" text NOT NULL,
	"list" text NOT NULL,
	"ordinal" integer NOT NULL,
	"act" text NOT NULL,
	"examples" text,
	"stage" text NOT NULL,
	"tier" text NOT NULL,
	"tier_source" text NOT NULL,
	"legal_basis" text NOT NULL,
	"act_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "violation_item_tenant_id_catalogue_id_code_pk" PRIMARY KEY("tenant_id","catalogue_id","code")
);
--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_file_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."stored_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_exclusion" ADD CONSTRAINT "case_exclusion_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_settings" ADD CONSTRAINT "case_settings_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_subject" ADD CONSTRAINT "case_subject_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satgas_decree" ADD CONSTRAINT "satgas_decree_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satgas_member" ADD CONSTRAINT "satgas_member_decree_fk" FOREIGN KEY ("tenant_id","decree_id") REFERENCES "public"."satgas_decree"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_counter" ADD CONSTRAINT "tenant_counter_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_holiday" ADD CONSTRAINT "tenant_holiday_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_catalogue" ADD CONSTRAINT "violation_catalogue_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_item" ADD CONSTRAINT "violation_item_catalogue_fk" FOREIGN KEY ("tenant_id","catalogue_id") REFERENCES "public"."violation_catalogue"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_exclusion_user_idx" ON "case_exclusion" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "case_file_state_due_idx" ON "case_file" USING btree ("tenant_id","state","due_on");--> statement-breakpoint
CREATE INDEX "case_file_assignee_idx" ON "case_file" USING btree ("tenant_id","assignee_user_id","state");--> statement-breakpoint
CREATE INDEX "case_file_created_idx" ON "case_file" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "case_subject_employee_idx" ON "case_subject" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "satgas_member_user_idx" ON "satgas_member" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "report_case_idx" ON "report" USING btree ("tenant_id","case_id");--> statement-breakpoint
-- A case's history is append-only: corrections and withdrawals are new events, never edits.
CREATE OR REPLACE FUNCTION netra_case_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION netra_case_event_append_only();
