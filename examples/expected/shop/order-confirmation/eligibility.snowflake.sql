WITH "herald_history" AS (
  SELECT x."customer_id" AS "k"
    , MAX(CASE WHEN x."campaign" = 'order-confirmation' THEN x."sent_at" END) AS "last_sent"
  FROM "herald_sends" AS x
  WHERE x."sent_at" <= CAST(:1 AS TIMESTAMP_TZ)
    AND x."campaign" = 'order-confirmation'
  GROUP BY x."customer_id"
),
"herald_triggers" AS (
  SELECT e."customer_id" AS "k", e."occurred_at" AS "t"
  FROM "events" AS e
  WHERE e."event" = 'purchase_completed'
  AND e."occurred_at" > DATEADD(second, -86400, CAST(:1 AS TIMESTAMP_TZ))
  AND e."occurred_at" <= CAST(:1 AS TIMESTAMP_TZ)
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
       "herald_due"."t" AS "herald_triggered_at"
FROM "customers" AS c
JOIN "herald_due" ON "herald_due"."k" = c."customer_id"
LEFT JOIN "herald_history" ON "herald_history"."k" = c."customer_id"
ORDER BY c."customer_id"
