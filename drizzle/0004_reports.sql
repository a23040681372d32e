CREATE TABLE "report" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"identity_mode" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'baru' NOT NULL,
	"reporter_open" jsonb,
	"reporter_sealed" text,
	"contact_sealed" text,
	"reported" jsonb NOT NULL,
	"reported_employee_id" uuid,
	"act_kind" text,
	"act_kind_other" text,
	"election_event_id" uuid,
	"election_contest_id" uuid,
	"act_date" date,
	"discovered_on" date,
	"place" text,
	"description" text NOT NULL,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"warnings" jsonb NOT NULL,
	"received_on" date NOT NULL,
	"receipt_hash" text NOT NULL,
	"duplicate_of" uuid,
	"case_id" uuid,
	"handover_at" timestamp (3) with time zone,
	"handover_by" uuid,
	"handover_note" text,
	"reporter_activity_on" date,
	"created_by" uuid,
	CONSTRAINT "report_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "report_tenant_number_key" UNIQUE("tenant_id","number")
);
--> statement-breakpoint
CREATE TABLE "report_file" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"view_file_id" uuid,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"from_reporter" boolean NOT NULL,
	"added_on" date NOT NULL,
	CONSTRAINT "report_file_tenant_id_file_id_pk" PRIMARY KEY("tenant_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "report_message" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"direction" text NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"sent_on" date NOT NULL,
	CONSTRAINT "report_message_tenant_id_report_id_seq_pk" PRIMARY KEY("tenant_id","report_id","seq")
);
--> statement-breakpoint
CREATE TABLE "report_note" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_note_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reveal_request" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reveal_request_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reveal_two_person" CHECK ("reveal_request"."decided_by" is null or "reveal_request"."decided_by" <> "reveal_request"."requested_by")
);
--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_file" ADD CONSTRAINT "report_file_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."report"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_file" ADD CONSTRAINT "report_file_file_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."stored_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_message" ADD CONSTRAINT "report_message_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."report"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_note" ADD CONSTRAINT "report_note_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."report"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reveal_request" ADD CONSTRAINT "reveal_request_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."report"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_status_idx" ON "report" USING btree ("tenant_id","status","received_on");--> statement-breakpoint
CREATE INDEX "report_file_report_idx" ON "report_file" USING btree ("tenant_id","report_id");