-- Transfers and entries are append-only: a mistake is corrected by a reversing transfer, never by editing history.
CREATE OR REPLACE FUNCTION billfold_refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = '55000';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION billfold_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION billfold_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER ledger_truncate_refused BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION billfold_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_truncate_refused BEFORE TRUNCATE ON ledger_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION billfold_refuse_ledger_change();
