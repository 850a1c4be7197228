#!/bin/bash

# Test that symbol tracking works end-to-end

set -e
DATABASE_URL=${DATABASE_URL:-"postgresql://user:pass@localhost/swiftbolt"}
TEST_SYMBOL="AAPL"
TEST_USER_ID="test-user-123"

echo "Testing symbol tracking for $TEST_SYMBOL..."

# Step 1: Check symbol exists
echo "Step 1: Verifying symbol in database..."
SYMBOL_COUNT=$(psql $DATABASE_URL -t -c \
  "SELECT COUNT(*) FROM symbols WHERE symbol = '$TEST_SYMBOL' AND active = true;")

if [ "$SYMBOL_COUNT" -eq 0 ]; then
  echo "❌ FAIL: Symbol $TEST_SYMBOL not found in database"
  exit 1
fi
echo "✓ PASS: Symbol $TEST_SYMBOL found"

# Step 2: Create user tracking (simulate Edge Function)
echo "Step 2: Creating user_symbol_tracking entry..."
psql $DATABASE_URL -c \
  "INSERT INTO user_symbol_tracking (user_id, symbol_id) \
   SELECT '$TEST_USER_ID', id FROM symbols WHERE symbol = '$TEST_SYMBOL' \
   ON CONFLICT DO NOTHING;"
echo "✓ PASS: User tracking entry created"

# Step 3: Check jobs created
echo "Step 3: Verifying jobs were created..."
JOBS_COUNT=$(psql $DATABASE_URL -t -c \
  "SELECT COUNT(*) FROM forecast_jobs \
   WHERE (user_id = '$TEST_USER_ID' OR symbol_id = \
           (SELECT id FROM symbols WHERE symbol = '$TEST_SYMBOL')) \
   AND created_at > NOW() - INTERVAL '5 minutes';")

if [ "$JOBS_COUNT" -gt 0 ]; then
  echo "✓ PASS: $JOBS_COUNT jobs created"
else
  echo "⚠️  WARNING: No jobs created yet (may be async trigger)"
fi

echo ""
echo "Symbol sync test completed successfully!"
