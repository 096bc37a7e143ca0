WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(*) AS "f0"
  FROM "events" AS e
  WHERE e."event" = 'cart_added'
  AND e."occurred_at" >= DATEADD(second, -604800, CAST(:1 AS TIMESTAMP_TZ))
  AND e."occurred_at" <= CAST(:1 AS TIMESTAMP_TZ)
  GROUP BY e."customer_id"
),
"s1" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN (CAST(GET(e."properties", 'category') AS VARCHAR) = 'boots') THEN 1 END) AS "f1"
  FROM "events" AS e
  WHERE e."event" = 'product_viewed'
  AND e."occurred_at" >= DATEADD(second, -604800, CAST(:1 AS TIMESTAMP_TZ))
  AND e."occurred_at" <= CAST(:1 AS TIMESTAMP_TZ)
  GROUP BY e."customer_id"
),
"herald_history" AS (
  SELECT x."customer_id" AS "k"
    , MAX(CASE WHEN x."campaign" = 'boots-browse-abandonment' THEN x."sent_at" END) AS "last_sent"
    , COUNT(CASE WHEN x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant') AND x."sent_at" > DATEADD(second, -604800, CAST(:1 AS TIMESTAMP_TZ)) AND (x."arm" IS NULL OR x."arm" <> 'holdout') THEN 1 END) AS "marketing_recent"
  FROM "herald_sends" AS x
  WHERE x."sent_at" <= CAST(:1 AS TIMESTAMP_TZ)
    AND x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant')
  GROUP BY x."customer_id"
),
"herald_triggers" AS (
  SELECT e."customer_id" AS "k", e."occurred_at" AS "t"
  FROM "events" AS e
  WHERE e."event" = 'product_viewed'
  AND e."occurred_at" > DATEADD(second, -93600, CAST(:1 AS TIMESTAMP_TZ))
  AND e."occurred_at" <= DATEADD(second, -7200, CAST(:1 AS TIMESTAMP_TZ))
  AND (CAST(GET(e."properties", 'category') AS VARCHAR) = 'boots')
),
"herald_exits" AS (
  SELECT e."customer_id" AS "k", MAX(e."occurred_at") AS "t"
  FROM "events" AS e
  WHERE e."event" IN ('cart_added', 'purchase_completed')
  AND e."occurred_at" > DATEADD(second, -93600, CAST(:1 AS TIMESTAMP_TZ))
  AND e."occurred_at" <= CAST(:1 AS TIMESTAMP_TZ)
  GROUP BY e."customer_id"
),
"herald_due" AS (
  SELECT "herald_triggers"."k" AS "k", MAX("herald_triggers"."t") AS "t"
  FROM "herald_triggers"
  LEFT JOIN "herald_exits" ON "herald_exits"."k" = "herald_triggers"."k"
  LEFT JOIN "herald_history" ON "herald_history"."k" = "herald_triggers"."k"
  WHERE ("herald_exits"."t" IS NULL OR "herald_triggers"."t" > "herald_exits"."t")
  AND ("herald_history"."last_sent" IS NULL OR "herald_triggers"."t" > "herald_history"."last_sent")
  GROUP BY "herald_triggers"."k"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email",
       "herald_due"."t" AS "herald_triggered_at"
FROM "customers" AS c
JOIN "herald_due" ON "herald_due"."k" = c."customer_id"
LEFT JOIN "herald_history" ON "herald_history"."k" = c."customer_id"
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN "s1" ON "s1"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE ("herald_history"."last_sent" IS NULL OR "herald_history"."last_sent" <= DATEADD(second, -1209600, CAST(:1 AS TIMESTAMP_TZ)))
  AND COALESCE("herald_history"."marketing_recent", 0) < 3
  AND NOT (TRUNC(((DATE_PART(epoch_second, CAST(CONVERT_TIMEZONE('UTC', CAST(:1 AS TIMESTAMP_TZ)) AS TIMESTAMP_NTZ))) % 86400) / 60) >= 1260 OR TRUNC(((DATE_PART(epoch_second, CAST(CONVERT_TIMEZONE('UTC', CAST(:1 AS TIMESTAMP_TZ)) AS TIMESTAMP_NTZ))) % 86400) / 60) < 480)
  AND (c."email_consent" AND (COALESCE("s1"."f1", 0) >= 2) AND (COALESCE("s0"."f0", 0) < 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
