ALTER TABLE "case_file" ADD COLUMN "ppk_name" text;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "recommended_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "case_file" ADD COLUMN "decided_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "case_file_open_due_idx" ON "case_file" USING btree ("tenant_id","due_on","id") WHERE state <> 'closed';--> statement-breakpoint
CREATE INDEX "case_file_updated_idx" ON "case_file" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "case_file_ppk_idx" ON "case_file" USING btree ("tenant_id","ppk_name","recommended_at","decided_at") WHERE recommended_at is not null;--> statement-breakpoint
CREATE INDEX "case_file_title_search_idx" ON "case_file" USING gin (to_tsvector('simple', title));--> statement-breakpoint
CREATE INDEX "case_subject_id_number_idx" ON "case_subject" USING btree ("tenant_id","id_number");--> statement-breakpoint
CREATE INDEX "case_subject_name_search_idx" ON "case_subject" USING gin (to_tsvector('simple', name));--> statement-breakpoint
-- Backfill the PPK projection of cases recommended before this migration (hand-written; the schema diff above is generated).
UPDATE "case_file" c SET "ppk_name" = r.data->>'ppkName', "recommended_at" = r.at,
  "decided_at" = (SELECT d.at FROM "case_event" d WHERE d.tenant_id = r.tenant_id AND d.case_id = r.case_id AND d.kind = 'decide' AND d.seq > r.seq ORDER BY d.seq LIMIT 1)
FROM (SELECT DISTINCT ON (tenant_id, case_id) tenant_id, case_id, seq, at, data FROM "case_event" WHERE kind = 'recommend' ORDER BY tenant_id, case_id, seq DESC) r
WHERE c.tenant_id = r.tenant_id AND c.id = r.case_id;
