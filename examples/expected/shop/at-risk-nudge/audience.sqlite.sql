WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN e."occurred_at" >= datetime(datetime(:as_of), '-2592000 seconds') THEN 1 END) AS "f0"
    , COUNT(*) AS "f1"
  FROM "events" AS e
  WHERE e."occurred_at" >= datetime(datetime(:as_of), '-7776000 seconds')
  AND e."occurred_at" <= datetime(:as_of)
  GROUP BY e."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
WHERE ((c."email_consent" = 1) AND (COALESCE("s0"."f0", 0) < 1) AND (COALESCE("s0"."f1", 0) >= 1))
  AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)
ORDER BY c."customer_id"
