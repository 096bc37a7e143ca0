WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN e."event" = 'email_opened' THEN 1 END) AS "f3"
    , COUNT(CASE WHEN e."event" = 'email_delivered' THEN 1 END) AS "f4"
    , MAX(e."occurred_at") AS "t0"
    , MAX(CASE WHEN e."event" = 'cart_added' THEN e."occurred_at" END) AS "t1"
  FROM "events" AS e
  WHERE e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds')
  AND e."occurred_at" <= CAST($1 AS TIMESTAMPTZ)
  GROUP BY e."customer_id"
),
"s1" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN (json_extract_string(e."properties", '$."category"') = 'boots') THEN 1 END) AS "f8"
    , COUNT(CASE WHEN e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '172800 seconds') THEN 1 END) AS "f9"
  FROM "events" AS e
  WHERE e."event" = 'product_viewed'
  AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '604800 seconds')
  AND e."occurred_at" <= CAST($1 AS TIMESTAMPTZ)
  GROUP BY e."customer_id"
),
"s2" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds') THEN 1 END) AS "f11"
    , COUNT(*) AS "f12"
    , SUM(CAST(json_extract_string(e."properties", '$."total"') AS DOUBLE)) AS "f14"
    , MAX(e."occurred_at") AS "t2"
  FROM "events" AS e
  WHERE e."event" = 'purchase_completed'
  AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '31536000 seconds')
  AND e."occurred_at" <= CAST($1 AS TIMESTAMPTZ)
  GROUP BY e."customer_id"
),
"ranked" AS (
  SELECT c."customer_id" AS "k"
    , 1 + (5 * (RANK() OVER (ORDER BY COALESCE("s2"."f14", 0)) - 1) // (SELECT COUNT(*) FROM "customers")) AS "r0"
  FROM "customers" AS c
  LEFT JOIN "s2" ON "s2"."k" = c."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       CASE WHEN ((c."email_consent" AND ((CASE WHEN "s0"."t0" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '2592000 seconds') THEN 1 ELSE 0 END) < 1) AND ((CASE WHEN "s0"."t0" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds') THEN 1 ELSE 0 END) >= 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "at-risk-nudge",
       CASE WHEN ((c."email_consent" AND (COALESCE("s1"."f8", 0) >= 2) AND ((CASE WHEN "s0"."t1" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '604800 seconds') THEN 1 ELSE 0 END) < 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "boots-browse-abandonment",
       CASE WHEN ((c."email_consent" AND ((CASE WHEN "s2"."t2" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '172800 seconds') THEN 1 ELSE 0 END) < 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "cart-abandonment",
       CASE WHEN ((c."email_consent" AND (COALESCE("s2"."f12", 0) >= 5) AND ((CASE WHEN "s0"."t0" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '5184000 seconds') THEN 1 ELSE 0 END) >= 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "frequent-buyer-preview",
       CASE WHEN ((c."email_consent" AND (COALESCE("s1"."f9", 0) >= 3) AND ((CASE WHEN "s0"."t1" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '172800 seconds') THEN 1 ELSE 0 END) >= 1) AND ((CASE WHEN "s2"."t2" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '172800 seconds') THEN 1 ELSE 0 END) < 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "high-intent-offer",
       CASE WHEN ((c."email_consent" AND (COALESCE("s2"."f11", 0) >= 2) AND (COALESCE((CAST(COALESCE("s0"."f3", 0) AS DOUBLE) / NULLIF(COALESCE("s0"."f4", 0), 0)), 0) > 0.7)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "loyal-thank-you",
       CASE WHEN ((c."email_consent" AND (c."country" IN ('US', 'CA')) AND ((CASE WHEN "s2"."t2" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '2592000 seconds') THEN 1 ELSE 0 END) >= 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "north-america-shipping",
       CASE WHEN 1 = 1 THEN 1 ELSE 0 END AS "order-confirmation",
       CASE WHEN ((c."email_consent" AND ((CASE WHEN "s0"."t1" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '86400 seconds') THEN 1 ELSE 0 END) < 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "post-purchase-cross-sell",
       CASE WHEN ((c."email_consent" AND ("ranked"."r0" = 5)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "vip-top-spenders",
       CASE WHEN ((c."email_consent" AND ((CASE WHEN "s0"."t0" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '5184000 seconds') THEN 1 ELSE 0 END) >= 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "weekly-digest",
       CASE WHEN ((c."email_consent" AND (c."signup_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '1209600 seconds')) AND ((CASE WHEN "s2"."t2" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '1209600 seconds') THEN 1 ELSE 0 END) < 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "welcome-series",
       CASE WHEN ((c."email_consent" AND ((CASE WHEN "s0"."t0" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '5184000 seconds') THEN 1 ELSE 0 END) < 1)) AND "herald_suppressed_key"."v" IS NULL) THEN 1 ELSE 0 END AS "win-back-dormant"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN "s1" ON "s1"."k" = c."customer_id"
LEFT JOIN "s2" ON "s2"."k" = c."customer_id"
LEFT JOIN "ranked" ON "ranked"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
ORDER BY "customer_id"
