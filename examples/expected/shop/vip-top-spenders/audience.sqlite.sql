WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , SUM(json_extract(e."properties", '$."total"')) AS "f0"
  FROM "events" AS e
  WHERE e."event" = 'purchase_completed'
  AND e."occurred_at" >= datetime(datetime(:as_of), '-31536000 seconds')
  AND e."occurred_at" <= datetime(:as_of)
  GROUP BY e."customer_id"
),
"ranked" AS (
  SELECT c."customer_id" AS "k"
    , 1 + (5 * (RANK() OVER (ORDER BY COALESCE("s0"."f0", 0)) - 1) / (SELECT COUNT(*) FROM "customers")) AS "r0"
  FROM "customers" AS c
  LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email",
       CASE WHEN (c."lifetime_value" >= 1000) THEN 0 ELSE 1 END AS "herald_block_hero"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN "ranked" ON "ranked"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE ((c."email_consent" = 1) AND ("ranked"."r0" = 5))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
