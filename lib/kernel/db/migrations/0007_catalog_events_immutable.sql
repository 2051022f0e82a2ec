-- A published product version never changes: subscribers are billed by it and rating caches it in memory.
-- The only edits allowed are a draft's publication (status and published_at) and archiving a version.
CREATE OR REPLACE FUNCTION billfold_guard_product_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'product versions are never deleted' USING ERRCODE = '55000';
  END IF;
  IF NEW.product_id <> OLD.product_id OR NEW.version <> OLD.version OR NEW.platform_id <> OLD.platform_id
     OR NEW.live_mode <> OLD.live_mode OR NEW.name <> OLD.name OR NEW.description IS DISTINCT FROM OLD.description
     OR NEW.prices <> OLD.prices OR NEW.entitlements <> OLD.entitlements OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'a product version''s definition never changes; create a new version' USING ERRCODE = '55000';
  END IF;
  IF OLD.status <> 'draft' AND NEW.status = 'draft' THEN
    RAISE EXCEPTION 'a published product version cannot return to draft' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER product_versions_immutable BEFORE UPDATE OR DELETE ON product_versions
  FOR EACH ROW EXECUTE FUNCTION billfold_guard_product_version();
--> statement-breakpoint
-- Events, their fees and costs are the record of what was billed: append-only like the ledger.
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION billfold_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER event_fees_append_only BEFORE UPDATE OR DELETE ON event_fees
  FOR EACH ROW EXECUTE FUNCTION billfold_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER event_costs_append_only BEFORE UPDATE OR DELETE ON event_costs
  FOR EACH ROW EXECUTE FUNCTION billfold_refuse_ledger_change();
