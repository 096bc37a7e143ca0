WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' AND e."occurred_at" >= (CAST($1 AS timestamptz) - INTERVAL '172800 seconds') THEN 1 END) AS "f0"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' THEN 1 END) AS "f1"
    , COUNT(CASE WHEN e."event" = 'email_opened' THEN 1 END) AS "f2"
    , COUNT(CASE WHEN e."event" = 'email_delivered' THEN 1 END) AS "f3"
  FROM "events" AS e
  WHERE e."event" IN ('email_delivered', 'email_opened', 'purchase_completed')
  AND e."occurred_at" >= (CAST($1 AS timestamptz) - INTERVAL '7776000 seconds')
  AND e."occurred_at" <= CAST($1 AS timestamptz)
  GROUP BY e."customer_id"
),
"herald_history" AS (
  SELECT x."customer_id" AS "k"
    , MAX(CASE WHEN x."campaign" = 'cart-abandonment' THEN x."sent_at" END) AS "last_sent"
    , COUNT(CASE WHEN x."campaign" = 'cart-abandonment' AND x."sent_at" > (CAST($1 AS timestamptz) - INTERVAL '604800 seconds') AND (x."arm" IS NULL OR x."arm" <> 'holdout') THEN 1 END) AS "campaign_recent"
    , COUNT(CASE WHEN x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant') AND x."sent_at" > (CAST($1 AS timestamptz) - INTERVAL '604800 seconds') AND (x."arm" IS NULL OR x."arm" <> 'holdout') THEN 1 END) AS "marketing_recent"
  FROM "herald_sends" AS x
  WHERE x."sent_at" <= CAST($1 AS timestamptz)
    AND x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant')
  GROUP BY x."customer_id"
),
"herald_triggers" AS (
  SELECT e."customer_id" AS "k", e."occurred_at" AS "t"
  FROM "events" AS e
  WHERE e."event" = 'cart_added'
  AND e."occurred_at" > (CAST($1 AS timestamptz) - INTERVAL '100800 seconds')
  AND e."occurred_at" <= (CAST($1 AS timestamptz) - INTERVAL '14400 seconds')
  AND (CAST((e."properties" ->> 'cart_value') AS numeric) >= 50)
),
"herald_exits" AS (
  SELECT e."customer_id" AS "k", MAX(e."occurred_at") AS "t"
  FROM "events" AS e
  WHERE e."event" = 'purchase_completed'
  AND e."occurred_at" > (CAST($1 AS timestamptz) - INTERVAL '100800 seconds')
  AND e."occurred_at" <= CAST($1 AS timestamptz)
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
       c."first_name" AS "first_name",
       CASE WHEN ((COALESCE("s0"."f1", 0) >= 2) AND (COALESCE((CAST(COALESCE("s0"."f2", 0) AS numeric) / NULLIF(COALESCE("s0"."f3", 0), 0)), 0) > 0.7)) THEN 0 ELSE 1 END AS "herald_block_hero",
       CASE WHEN ((CAST(CAST(('x' || substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS text))), 1, 8)) AS bit(32)) AS bigint)) % 10000) < 1000 THEN 'holdout' WHEN ((CAST(CAST(('x' || substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS text))), 1, 8)) AS bit(32)) AS bigint)) % 10000) < 5500 THEN 'control' ELSE 'urgent' END AS "herald_arm",
       "herald_due"."t" AS "herald_triggered_at"
FROM "customers" AS c
JOIN "herald_due" ON "herald_due"."k" = c."customer_id"
LEFT JOIN "herald_history" ON "herald_history"."k" = c."customer_id"
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE ("herald_history"."last_sent" IS NULL OR "herald_history"."last_sent" <= (CAST($1 AS timestamptz) - INTERVAL '604800 seconds'))
  AND COALESCE("herald_history"."campaign_recent", 0) < 1
  AND COALESCE("herald_history"."marketing_recent", 0) < 3
  AND NOT ((((CAST(floor(EXTRACT(EPOCH FROM (CAST($1 AS timestamptz) AT TIME ZONE 'UTC'))) AS bigint)) % 86400) / 60) >= 1260 OR (((CAST(floor(EXTRACT(EPOCH FROM (CAST($1 AS timestamptz) AT TIME ZONE 'UTC'))) AS bigint)) % 86400) / 60) < 480)
  AND (c."email_consent" AND (COALESCE("s0"."f0", 0) < 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
