CREATE TABLE "unit_announcement_stats" (
	"tenant_id" uuid NOT NULL,
	"announcement_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"target" integer NOT NULL,
	"read" integer NOT NULL,
	"acknowledged" integer NOT NULL,
	CONSTRAINT "unit_announcement_stats_tenant_id_announcement_id_unit_id_pk" PRIMARY KEY("tenant_id","announcement_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "unit_campaign_stats" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"target" integer NOT NULL,
	"signed" integer NOT NULL,
	CONSTRAINT "unit_campaign_stats_tenant_id_campaign_id_unit_id_pk" PRIMARY KEY("tenant_id","campaign_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "unit_stats_change" (
	"tenant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"tx_id" bigint NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_stats_change_tenant_id_scope_tx_id_pk" PRIMARY KEY("tenant_id","scope","tx_id")
);
--> statement-breakpoint
CREATE TABLE "unit_stats_state" (
	"tenant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	"target_total" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "unit_stats_state_tenant_id_scope_pk" PRIMARY KEY("tenant_id","scope")
);
--> statement-breakpoint
ALTER TABLE "unit_stats_state" ADD CONSTRAINT "unit_stats_state_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Change detection for the per-unit dashboard counts (see src/server/db/schema/unit-stats.ts): each
-- writing statement notes, once per tenant, scope and transaction, what it changed. Statement-level
-- with transition tables: a bulk import or a bulk signature insert costs one small insert, and no
-- shared row is locked, so concurrent signers never wait on one another here.
CREATE OR REPLACE FUNCTION netra_unit_stats_all_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO unit_stats_change (tenant_id, scope, tx_id)
    SELECT DISTINCT c.tenant_id, '*', txid_current() FROM changed c
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION netra_unit_stats_signature_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO unit_stats_change (tenant_id, scope, tx_id)
    SELECT DISTINCT c.tenant_id, 'campaign:' || c.campaign_id, txid_current() FROM changed c
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION netra_unit_stats_campaign_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO unit_stats_change (tenant_id, scope, tx_id)
    SELECT DISTINCT c.tenant_id, 'campaign:' || c.id, txid_current() FROM changed c
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION netra_unit_stats_receipt_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO unit_stats_change (tenant_id, scope, tx_id)
    SELECT DISTINCT c.tenant_id, 'announcement:' || c.announcement_id, txid_current() FROM changed c
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION netra_unit_stats_announcement_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO unit_stats_change (tenant_id, scope, tx_id)
    SELECT DISTINCT c.tenant_id, 'announcement:' || c.id, txid_current() FROM changed c
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('employee', 'netra_unit_stats_all_changed'),
    ('unit', 'netra_unit_stats_all_changed'),
    ('pledge_signature', 'netra_unit_stats_signature_changed'),
    ('pledge_campaign', 'netra_unit_stats_campaign_changed'),
    ('announcement_receipt', 'netra_unit_stats_receipt_changed'),
    ('announcement', 'netra_unit_stats_announcement_changed')) AS v(tbl, fn)
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_stats_ins', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_stats_upd', t.tbl, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_stats_del', t.tbl, t.fn);
  END LOOP;
END;
$$;
