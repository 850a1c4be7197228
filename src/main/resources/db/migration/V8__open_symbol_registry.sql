-- An open symbols registry (issue 11): any ticker can be added, synced from Alpaca's asset list or
-- a CSV, and searched by ticker and by name; predictions say which timeframes they lack and why.

-- Accent-insensitive name search. unaccent ships with PostgreSQL's contrib (the embedded
-- PostgreSQL, Debian's packages and Supabase all have it) and is a trusted extension: any role
-- that may create objects in the database may install it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index. The
-- usual wrapper pins the dictionary by its schema-qualified name and is declared IMMUTABLE. The
-- schema is looked up, because an existing installation (Supabase puts extensions in the
-- "extensions" schema) is kept where it is.
DO $do$
DECLARE
  extension_schema TEXT;
BEGIN
  SELECT n.nspname INTO extension_schema
  FROM pg_extension e
  JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE e.extname = 'unaccent';
  EXECUTE format(
    $sql$
    CREATE FUNCTION symbol_search_text(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $fn$ SELECT lower(%1$I.unaccent(%2$L::regdictionary, value)) $fn$
    $sql$,
    extension_schema,
    extension_schema || '.unaccent');
END;
$do$;

COMMENT ON FUNCTION symbol_search_text(TEXT) IS
  'lower-cased, accent-free text for symbol name search (immutable wrapper of unaccent)';

-- Where a symbol was last listed by `swiftbolt symbols sync`: a sync deactivates the symbols its
-- own source listed before and no longer lists. Symbols added by hand or seeded (NULL) are never
-- deactivated by a sync. Nothing is ever deleted: watchlists and bars keep their symbols.
ALTER TABLE symbols
  ADD COLUMN synced_from TEXT CHECK (synced_from IN ('alpaca', 'csv')),
  ADD CONSTRAINT symbols_asset_class CHECK (asset_class IN ('equity', 'etf'));

-- Ticker prefix search, active symbols first, in byte order whatever the database's collation:
-- WHERE active = ? AND symbol ~>=~ 'AA' AND symbol ~<~ 'AA~' ORDER BY symbol USING ~<~ LIMIT n.
CREATE INDEX symbols_active_prefix ON symbols (active, symbol text_pattern_ops);

-- Name word-prefix search: to_tsvector(...) @@ to_tsquery('simple', 'gen:* & mot:*').
CREATE INDEX symbols_name_words
  ON symbols USING gin (to_tsvector('simple', symbol_search_text(name)));

-- Timeframes a unified prediction lacks, each with the reason: [{"timeframe": "H4", "reason": "…"}].
ALTER TABLE unified_predictions
  ADD COLUMN missing_timeframes JSONB NOT NULL DEFAULT '[]'::jsonb;
