WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(*) AS "f0"
  FROM "events" AS e
  WHERE e."event" = 'cart_added'
  AND e."occurred_at" >= (CAST($1 AS timestamptz) - INTERVAL '604800 seconds')
  AND e."occurred_at" <= CAST($1 AS timestamptz)
  GROUP BY e."customer_id"
),
"s1" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN ((e."properties" ->> 'category') = 'boots') THEN 1 END) AS "f1"
  FROM "events" AS e
  WHERE e."event" = 'product_viewed'
  AND e."occurred_at" >= (CAST($1 AS timestamptz) - INTERVAL '604800 seconds')
  AND e."occurred_at" <= CAST($1 AS timestamptz)
  GROUP BY e."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN "s1" ON "s1"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE (c."email_consent" AND (COALESCE("s1"."f1", 0) >= 2) AND (COALESCE("s0"."f0", 0) < 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
