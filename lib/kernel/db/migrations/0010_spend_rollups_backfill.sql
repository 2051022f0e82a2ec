-- Rollups for fees stored before rollups existed; from here on ingest maintains them.
INSERT INTO spend_rollups (platform_id, live_mode, customer_id, account_name, asset_code, product_id, product_name, bucket_start, amount, fees)
SELECT platform_id, live_mode, customer_id, account_name, asset_code, product_id, max(product_name),
  date_bin('15 minutes', occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), sum(amount), count(*)
FROM event_fees
GROUP BY platform_id, live_mode, customer_id, account_name, asset_code, product_id, date_bin('15 minutes', occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')
ON CONFLICT DO NOTHING;
