WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '2592000 seconds') THEN 1 END) AS "f0"
    , COUNT(CASE WHEN e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds') THEN 1 END) AS "f1"
    , COUNT(CASE WHEN e."event" = 'product_viewed' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '604800 seconds') AND (json_extract_string(e."properties", '$."category"') = 'boots') THEN 1 END) AS "f2"
    , COUNT(CASE WHEN e."event" = 'cart_added' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '604800 seconds') THEN 1 END) AS "f3"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '172800 seconds') THEN 1 END) AS "f4"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds') THEN 1 END) AS "f5"
    , COUNT(CASE WHEN e."event" = 'email_opened' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds') THEN 1 END) AS "f6"
    , COUNT(CASE WHEN e."event" = 'email_delivered' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds') THEN 1 END) AS "f7"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' THEN 1 END) AS "f8"
    , COUNT(CASE WHEN e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '5184000 seconds') THEN 1 END) AS "f9"
    , COUNT(CASE WHEN e."event" = 'product_viewed' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '172800 seconds') THEN 1 END) AS "f10"
    , COUNT(CASE WHEN e."event" = 'cart_added' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '172800 seconds') THEN 1 END) AS "f11"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '2592000 seconds') THEN 1 END) AS "f12"
    , COUNT(CASE WHEN e."event" = 'cart_added' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '86400 seconds') THEN 1 END) AS "f13"
    , SUM(CASE WHEN e."event" = 'purchase_completed' THEN CAST(json_extract_string(e."properties", '$."total"') AS DOUBLE) END) AS "f14"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '1209600 seconds') THEN 1 END) AS "f15"
  FROM "events" AS e
  WHERE ((e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '7776000 seconds'))
    OR (e."event" = 'purchase_completed' AND e."occurred_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '31536000 seconds')))
  AND e."occurred_at" <= CAST($1 AS TIMESTAMPTZ)
  GROUP BY e."customer_id"
),
"ranked" AS (
  SELECT c."customer_id" AS "k"
    , CASE WHEN COALESCE("s0"."f14", 0) IS NULL THEN NULL ELSE 1 + (5 * (RANK() OVER (PARTITION BY (COALESCE("s0"."f14", 0) IS NULL) ORDER BY COALESCE("s0"."f14", 0)) - 1) // COUNT(COALESCE("s0"."f14", 0)) OVER ()) END AS "r0"
  FROM "customers" AS c
  LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
)
SELECT * FROM (
SELECT c."customer_id" AS "customer_id",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f0", 0) < 1) AND (COALESCE("s0"."f1", 0) >= 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "at-risk-nudge",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f2", 0) >= 2) AND (COALESCE("s0"."f3", 0) < 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "boots-browse-abandonment",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f4", 0) < 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "cart-abandonment",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f8", 0) >= 5) AND (COALESCE("s0"."f9", 0) >= 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "frequent-buyer-preview",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f10", 0) >= 3) AND (COALESCE("s0"."f11", 0) >= 1) AND (COALESCE("s0"."f4", 0) < 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "high-intent-offer",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f5", 0) >= 2) AND (COALESCE((CAST(COALESCE("s0"."f6", 0) AS DOUBLE) / NULLIF(COALESCE("s0"."f7", 0), 0)), 0) > 0.7)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "loyal-thank-you",
       CASE WHEN ((c."email_consent" AND (c."country" IN ('US', 'CA')) AND (COALESCE("s0"."f12", 0) >= 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "north-america-shipping",
       CASE WHEN 1 = 1 THEN 1 ELSE 0 END AS "order-confirmation",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f13", 0) < 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "post-purchase-cross-sell",
       CASE WHEN ((c."email_consent" AND ("ranked"."r0" = 5)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "vip-top-spenders",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f9", 0) >= 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "weekly-digest",
       CASE WHEN ((c."email_consent" AND (c."signup_at" >= (CAST($1 AS TIMESTAMPTZ) - INTERVAL '1209600 seconds')) AND (COALESCE("s0"."f15", 0) < 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "welcome-series",
       CASE WHEN ((c."email_consent" AND (COALESCE("s0"."f9", 0) < 1)) AND c."customer_id" NOT IN (SELECT x."customer_id" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL)) THEN 1 ELSE 0 END AS "win-back-dormant"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN "ranked" ON "ranked"."k" = c."customer_id"
) AS audiences
WHERE "at-risk-nudge" = 1 OR "boots-browse-abandonment" = 1 OR "cart-abandonment" = 1 OR "frequent-buyer-preview" = 1 OR "high-intent-offer" = 1 OR "loyal-thank-you" = 1 OR "north-america-shipping" = 1 OR "order-confirmation" = 1 OR "post-purchase-cross-sell" = 1 OR "vip-top-spenders" = 1 OR "weekly-digest" = 1 OR "welcome-series" = 1 OR "win-back-dormant" = 1
ORDER BY "customer_id"
