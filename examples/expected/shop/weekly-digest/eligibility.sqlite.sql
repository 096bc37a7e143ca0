WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(*) AS "f0"
  FROM "events" AS e
  WHERE +e."occurred_at" >= datetime(datetime(:as_of), '-5184000 seconds')
  AND +e."occurred_at" <= datetime(:as_of)
  GROUP BY e."customer_id"
),
"herald_history" AS (
  SELECT x."customer_id" AS "k"
    , MAX(CASE WHEN x."campaign" = 'weekly-digest' THEN x."sent_at" END) AS "last_sent"
    , COUNT(CASE WHEN x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant') AND x."sent_at" > datetime(datetime(:as_of), '-604800 seconds') AND (x."arm" IS NULL OR x."arm" <> 'holdout') THEN 1 END) AS "marketing_recent"
  FROM "herald_sends" AS x
  WHERE x."sent_at" <= datetime(:as_of)
    AND x."campaign" IN ('at-risk-nudge', 'boots-browse-abandonment', 'cart-abandonment', 'frequent-buyer-preview', 'high-intent-offer', 'loyal-thank-you', 'north-america-shipping', 'post-purchase-cross-sell', 'vip-top-spenders', 'weekly-digest', 'welcome-series', 'win-back-dormant')
  GROUP BY x."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email",
       c."first_name" AS "first_name"
FROM "customers" AS c
LEFT JOIN "herald_history" ON "herald_history"."k" = c."customer_id"
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE (((((CAST(strftime('%s', datetime(:as_of)) AS INTEGER) + 259200)) % 604800) - 32400 + 604800) % 604800) < 86400
  AND ("herald_history"."last_sent" IS NULL OR CAST(strftime('%s', "herald_history"."last_sent") AS INTEGER) < CAST(strftime('%s', datetime(:as_of)) AS INTEGER) - (((((CAST(strftime('%s', datetime(:as_of)) AS INTEGER) + 259200)) % 604800) - 32400 + 604800) % 604800))
  AND COALESCE("herald_history"."marketing_recent", 0) < 3
  AND NOT ((((CAST(strftime('%s', datetime(:as_of)) AS INTEGER)) % 86400) / 60) >= 1260 OR (((CAST(strftime('%s', datetime(:as_of)) AS INTEGER)) % 86400) / 60) < 480)
  AND ((c."email_consent" = 1) AND (COALESCE("s0"."f0", 0) >= 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
