WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , MAX(e."occurred_at") AS "t0"
  FROM "events" AS e
  WHERE e."occurred_at" >= DATEADD(second, -7776000, CAST(:1 AS TIMESTAMP_TZ))
  AND e."occurred_at" <= CAST(:1 AS TIMESTAMP_TZ)
  GROUP BY e."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE (c."email_consent" AND ((CASE WHEN "s0"."t0" >= DATEADD(second, -2592000, CAST(:1 AS TIMESTAMP_TZ)) THEN 1 ELSE 0 END) < 1) AND ((CASE WHEN "s0"."t0" >= DATEADD(second, -7776000, CAST(:1 AS TIMESTAMP_TZ)) THEN 1 ELSE 0 END) >= 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
