WITH "s0" AS (
  SELECT e."customer_id" AS "k"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' AND e."occurred_at" >= datetime(datetime(:as_of), '-172800 seconds') THEN 1 END) AS "f0"
    , COUNT(CASE WHEN e."event" = 'purchase_completed' THEN 1 END) AS "f1"
    , COUNT(CASE WHEN e."event" = 'email_opened' THEN 1 END) AS "f2"
    , COUNT(CASE WHEN e."event" = 'email_delivered' THEN 1 END) AS "f3"
  FROM "events" AS e
  WHERE e."event" IN ('email_delivered', 'email_opened', 'purchase_completed')
  AND e."occurred_at" >= datetime(datetime(:as_of), '-7776000 seconds')
  AND e."occurred_at" <= datetime(:as_of)
  GROUP BY e."customer_id"
)
SELECT c."customer_id" AS "customer_id",
       c."email" AS "email",
       c."first_name" AS "first_name",
       CASE WHEN ((COALESCE("s0"."f1", 0) >= 2) AND (COALESCE((CAST(COALESCE("s0"."f2", 0) AS REAL) / NULLIF(COALESCE("s0"."f3", 0), 0)), 0) > 0.7)) THEN 0 ELSE 1 END AS "herald_block_hero",
       CASE WHEN (((instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 1, 1)) - 1) * 268435456 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 2, 1)) - 1) * 16777216 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 3, 1)) - 1) * 1048576 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 4, 1)) - 1) * 65536 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 5, 1)) - 1) * 4096 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 6, 1)) - 1) * 256 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 7, 1)) - 1) * 16 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 8, 1)) - 1) * 1) % 10000) < 1000 THEN 'holdout' WHEN (((instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 1, 1)) - 1) * 268435456 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 2, 1)) - 1) * 16777216 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 3, 1)) - 1) * 1048576 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 4, 1)) - 1) * 65536 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 5, 1)) - 1) * 4096 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 6, 1)) - 1) * 256 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 7, 1)) - 1) * 16 + (instr('0123456789abcdef', substr(md5(('cart-subject-2026-11:' || CAST(c."customer_id" AS TEXT))), 8, 1)) - 1) * 1) % 10000) < 5500 THEN 'control' ELSE 'urgent' END AS "herald_arm"
FROM "customers" AS c
LEFT JOIN "s0" ON "s0"."k" = c."customer_id"
LEFT JOIN (SELECT DISTINCT x."customer_id" AS "v" FROM "suppressions" AS x WHERE x."customer_id" IS NOT NULL) AS "herald_suppressed_key" ON "herald_suppressed_key"."v" = c."customer_id"
WHERE ((c."email_consent" = 1) AND (COALESCE("s0"."f0", 0) < 1))
  AND "herald_suppressed_key"."v" IS NULL
ORDER BY c."customer_id"
