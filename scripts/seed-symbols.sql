-- Seed core trading symbols into symbols table (the seed guide's step 1.1).
-- Idempotent: ON CONFLICT (symbol) DO NOTHING. The same file is what
-- `swiftbolt symbols seed` runs (it is packaged into the jar), and it runs as is under
--   psql "$DATABASE_URL" -f scripts/seed-symbols.sql

INSERT INTO symbols (symbol, name, exchange, asset_class, active)
VALUES
  ('AAPL', 'Apple Inc.', 'NASDAQ', 'equity', true),
  ('NVDA', 'NVIDIA Corporation', 'NASDAQ', 'equity', true),
  ('CRWD', 'CrowdStrike Holdings', 'NASDAQ', 'equity', true),
  ('AMD', 'Advanced Micro Devices', 'NASDAQ', 'equity', true),
  ('MSFT', 'Microsoft Corporation', 'NASDAQ', 'equity', true),
  ('GOOGL', 'Alphabet Inc.', 'NASDAQ', 'equity', true),
  ('TSLA', 'Tesla Inc.', 'NASDAQ', 'equity', true),
  ('META', 'Meta Platforms', 'NASDAQ', 'equity', true)
ON CONFLICT (symbol) DO NOTHING;

-- Verify insert
SELECT COUNT(*) as symbol_count FROM symbols WHERE active = true;
