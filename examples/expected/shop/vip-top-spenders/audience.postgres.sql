WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , SUM(CAST((e."properties" ->> 'total') AS numeric)) AS "f0"
  FROM "events" AS e
  WHERE e."event" = 'purchase_completed'
  AND e."occurred_at" >= (CAST($1 AS timestamptz) - INTERVAL '31536000 seconds')
  AND e."occurred_at" <= CAST($1 AS timestamptz)
  GROUP BY e."customer_id"
),
"ranked" AS (
  SELECT c."customer_id" AS "k"
    , CASE WHEN COALESCE("s0"."f0", 0) IS NULL THEN NULL ELSE 1 + (5 * (RANK() OVER (PARTITION BY (COALESCE("s0"."f0", 0) IS NULL) ORDER BY COALESCE("s0"."f0", 0)) - 1) / COUNT(COALESCE("s0"."f0", 0)) OVER ()) END AS "r0"
  FROM "customers" AS c
  LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email",
       CASE WHEN (c."lifetime_value" >= 1000) THEN 0 ELSE 1 END AS "herald_block_hero"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN "ranked" ON "ranked"."k" = c."customer_id"
WHERE (c."email_consent" AND ("ranked"."r0" = 5))
  AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)
ORDER BY c."customer_id"
