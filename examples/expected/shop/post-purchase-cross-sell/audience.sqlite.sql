WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(*) AS "f0"
  FROM "events" AS e
  WHERE e."event" = 'cart_added'
  AND e."occurred_at" >= datetime(datetime(:as_of), '-86400 seconds')
  AND e."occurred_at" <= datetime(:as_of)
  GROUP BY e."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email",
       c."first_name" AS "first_name"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE ((c."email_consent" = 1) AND (COALESCE("s0"."f0", 0) < 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
