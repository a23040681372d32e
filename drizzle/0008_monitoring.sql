CREATE TABLE "capture_import" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_size" integer NOT NULL,
	"storage_path" text NOT NULL,
	"format" text,
	"mode" text NOT NULL,
	"election_event_id" uuid,
	"election_contest_id" uuid,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure_message" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "capture_import_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "declared_account" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"handle" text NOT NULL,
	"handle_key" text NOT NULL,
	"url" text,
	"legal_basis" text NOT NULL,
	"declared_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declared_account_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "declared_account_handle_key" UNIQUE("tenant_id","platform","handle_key")
);
--> statement-breakpoint
CREATE TABLE "monitoring_watchlist" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"election_event_id" uuid NOT NULL,
	"election_contest_id" uuid,
	"scope_key" text NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"document" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_watchlist_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "monitoring_watchlist_version_key" UNIQUE("tenant_id","scope_key","version")
);
--> statement-breakpoint
CREATE TABLE "social_capture" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"import_id" uuid,
	"import_row" integer,
	"captured_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"captured_by" uuid,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"platform" text NOT NULL,
	"election_event_id" uuid,
	"employee_id" uuid,
	"posted_at" timestamp (3) with time zone NOT NULL,
	"score" double precision NOT NULL,
	"review_status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"review_reason" text,
	"duplicate_of" uuid,
	"case_id" uuid,
	CONSTRAINT "social_capture_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "social_capture_file" (
	"tenant_id" uuid NOT NULL,
	"capture_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"view_file_id" uuid,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" bigint NOT NULL,
	"added_in_revision" integer DEFAULT 1 NOT NULL,
	"added_by" uuid,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_capture_file_tenant_id_file_id_pk" PRIMARY KEY("tenant_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "social_capture_revision" (
	"tenant_id" uuid NOT NULL,
	"capture_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"platform" text NOT NULL,
	"url" text NOT NULL,
	"account_handle" text NOT NULL,
	"account_name" text,
	"employee_id" uuid,
	"employee_confirmed" boolean DEFAULT false NOT NULL,
	"text" text NOT NULL,
	"text_sha256" text NOT NULL,
	"act_kind" text NOT NULL,
	"posted_at" timestamp (3) with time zone NOT NULL,
	"election_event_id" uuid,
	"election_contest_id" uuid,
	"watchlist_id" uuid,
	"score" double precision NOT NULL,
	"signals" jsonb NOT NULL,
	"pair" integer,
	"pair_label" text,
	"item_code" text,
	"item_list" text,
	"item_tier" text,
	"item_reason" text,
	"reasons" jsonb NOT NULL,
	"model_version" text NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"edit_reason" text,
	CONSTRAINT "social_capture_revision_tenant_id_capture_id_revision_pk" PRIMARY KEY("tenant_id","capture_id","revision")
);
--> statement-breakpoint
ALTER TABLE "capture_import" ADD CONSTRAINT "capture_import_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declared_account" ADD CONSTRAINT "declared_account_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declared_account" ADD CONSTRAINT "declared_account_employee_fk" FOREIGN KEY ("tenant_id","employee_id") REFERENCES "public"."employee"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_watchlist" ADD CONSTRAINT "monitoring_watchlist_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_capture" ADD CONSTRAINT "social_capture_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_capture_file" ADD CONSTRAINT "social_capture_file_capture_fk" FOREIGN KEY ("tenant_id","capture_id") REFERENCES "public"."social_capture"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_capture_file" ADD CONSTRAINT "social_capture_file_file_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."stored_file"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_capture_revision" ADD CONSTRAINT "social_capture_revision_capture_fk" FOREIGN KEY ("tenant_id","capture_id") REFERENCES "public"."social_capture"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capture_import_created_idx" ON "capture_import" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "declared_account_employee_idx" ON "declared_account" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_watchlist_current_key" ON "monitoring_watchlist" USING btree ("tenant_id","scope_key") WHERE is_current;--> statement-breakpoint
CREATE INDEX "social_capture_queue_idx" ON "social_capture" USING btree ("tenant_id","review_status","score" DESC NULLS LAST,"captured_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "social_capture_recent_idx" ON "social_capture" USING btree ("tenant_id","captured_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "social_capture_employee_idx" ON "social_capture" USING btree ("tenant_id","employee_id");--> statement-breakpoint
CREATE INDEX "social_capture_import_idx" ON "social_capture" USING btree ("tenant_id","import_id");--> statement-breakpoint
CREATE INDEX "social_capture_case_idx" ON "social_capture" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "social_capture_file_capture_idx" ON "social_capture_file" USING btree ("tenant_id","capture_id");--> statement-breakpoint
CREATE INDEX "social_capture_revision_text_idx" ON "social_capture_revision" USING btree ("tenant_id","text_sha256");--> statement-breakpoint
CREATE INDEX "social_capture_revision_url_idx" ON "social_capture_revision" USING btree ("tenant_id","url");