-- audit_event is keyed by (tenant_id, id) like every tenant-owned table (distribution by tenant).
ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_pkey";--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");
