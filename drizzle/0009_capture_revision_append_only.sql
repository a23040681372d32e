-- A capture's revisions are evidence: an edit adds a revision, nothing may change or remove one
-- (revision 1 is the post as captured). Refused at the database level, whatever the application does.
CREATE OR REPLACE FUNCTION netra_capture_revision_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'social_capture_revision is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER social_capture_revision_append_only BEFORE UPDATE OR DELETE ON social_capture_revision
  FOR EACH ROW EXECUTE FUNCTION netra_capture_revision_append_only();
--> statement-breakpoint
CREATE TRIGGER social_capture_revision_no_truncate BEFORE TRUNCATE ON social_capture_revision
  FOR EACH STATEMENT EXECUTE FUNCTION netra_capture_revision_append_only();
