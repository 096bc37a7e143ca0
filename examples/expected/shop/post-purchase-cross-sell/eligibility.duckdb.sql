WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(*) AS "f0"
  FROM "events" AS e
  WHERE e."event" = 'cart_added'
  AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '86400 seconds')
  AND e."occurred_at" <= CAST($1 AS TIMESTAMPTZ)
  GROUP BY e."customer_id"
),
"herald_history" AS (
  SELECT x."customer_id" AS "k"
    , MAX(CASE WHEN x."campaign" = 'post-purchase-cross-sell' THEN x."sent_at" END) AS "last_sent"
    , COUNT(CASE WHEN x."campaign" = 'post-purchase-cross-sell' AND x."sent_at" > (CAST($1 AS TIMESTAMPTZ) - INTERVAL '2592000 seconds') AND (x."arm" IS NULL OR x."arm" <> 'holdout') THEN 1 END) AS "campaign_recent"
    , COUNT(CASE WHEN x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant') AND x."sent_at" > (CAST($1 AS TIMESTAMPTZ) - INTERVAL '604800 seconds') AND (x."arm" IS NULL OR x."arm" <> 'holdout') THEN 1 END) AS "marketing_recent"
  FROM "herald_sends" AS x
  WHERE x."sent_at" <= CAST($1 AS TIMESTAMPTZ)
    AND x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant')
  GROUP BY x."customer_id"
),
"herald_triggers" AS (
  SELECT e."customer_id" AS "k", e."occurred_at" AS "t"
  FROM "events" AS e
  WHERE e."event" = 'purchase_completed'
  AND e."occurred_at" > (CAST($1 AS TIMESTAMPTZ) - INTERVAL '345600 seconds')
  AND e."occurred_at" <= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '259200 seconds')
  AND (CAST(json_extract_string(e."properties", '$."total"') AS DOUBLE) >= 40)
),
"herald_due" AS (
  SELECT "herald_triggers"."k" AS "k", MAX("herald_triggers"."t") AS "t"
  FROM "herald_triggers"
  LEFT JOIN "herald_history" ON "herald_history"."k" = "herald_triggers"."k"
  WHERE ("herald_history"."last_sent" IS NULL OR "herald_triggers"."t" > "herald_history"."last_sent")
  GROUP BY "herald_triggers"."k"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email",
       c."first_name" AS "first_name",
       "herald_due"."t" AS "herald_triggered_at"
FROM "customers" AS c
JOIN "herald_due" ON "herald_due"."k" = c."customer_id"
LEFT JOIN "herald_history" ON "herald_history"."k" = c."customer_id"
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE ("herald_history"."last_sent" IS NULL OR "herald_history"."last_sent" <= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '2592000 seconds'))
  AND COALESCE("herald_history"."campaign_recent", 0) < 1
  AND COALESCE("herald_history"."marketing_recent", 0) < 3
  AND NOT ((((CAST(floor(epoch(timezone('UTC', CAST($1 AS TIMESTAMPTZ)))) AS BIGINT)) % 86400) // 60) >= 1260 OR (((CAST(floor(epoch(timezone('UTC', CAST($1 AS TIMESTAMPTZ)))) AS BIGINT)) % 86400) // 60) < 480)
  AND (c."email_consent" AND (COALESCE("s0"."f0", 0) < 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
