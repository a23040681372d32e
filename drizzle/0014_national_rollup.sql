CREATE TABLE "oversight_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"overseer_tenant_id" uuid NOT NULL,
	"overseen_tenant_id" uuid,
	"basis" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "tenant_daily_stats" (
	"tenant_id" uuid NOT NULL,
	"election_key" text NOT NULL,
	"stat_date" date NOT NULL,
	"election_name" text,
	"employees" integer NOT NULL,
	"campaigns" integer NOT NULL,
	"sign_target" integer NOT NULL,
	"sign_signed" integer NOT NULL,
	"apel_required" integer NOT NULL,
	"apel_reported" integer NOT NULL,
	"apel_accepted" integer NOT NULL,
	"cases" integer NOT NULL,
	"cases_received" integer NOT NULL,
	"cases_in_process" integer NOT NULL,
	"cases_awaiting_ppk" integer NOT NULL,
	"cases_follow_up" integer NOT NULL,
	"cases_closed" integer NOT NULL,
	"outcome_examining" integer NOT NULL,
	"outcome_stopped" integer NOT NULL,
	"outcome_proven" integer NOT NULL,
	"outcome_sanctioned" integer NOT NULL,
	"ppk_recommended" integer NOT NULL,
	"ppk_decided" integer NOT NULL,
	"ppk_waiting_days" integer NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_daily_stats_tenant_id_election_key_stat_date_pk" PRIMARY KEY("tenant_id","election_key","stat_date")
);
--> statement-breakpoint
ALTER TABLE "oversight_grant" ADD CONSTRAINT "oversight_grant_overseer_tenant_id_tenant_id_fk" FOREIGN KEY ("overseer_tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_grant" ADD CONSTRAINT "oversight_grant_overseen_tenant_id_tenant_id_fk" FOREIGN KEY ("overseen_tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_daily_stats" ADD CONSTRAINT "tenant_daily_stats_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "oversight_grant_live_key" ON "oversight_grant" USING btree ("overseer_tenant_id",coalesce("overseen_tenant_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "oversight_grant_overseen_idx" ON "oversight_grant" USING btree ("overseen_tenant_id");--> statement-breakpoint
CREATE INDEX "employee_tenant_unit_active_idx" ON "employee" USING btree ("tenant_id","unit_id","id","category") WHERE is_active;