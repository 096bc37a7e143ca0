WITH `s0` AS (
  SELECT e.`customer_id` AS `k`
    , COUNT(CASE WHEN e.`event` = 'purchase_completed' THEN 1 END) AS `f0`
    , COUNT(CASE WHEN e.`event` = 'product_viewed' THEN 1 END) AS `f1`
    , COUNT(CASE WHEN e.`event` = 'cart_added' THEN 1 END) AS `f2`
  FROM `events` AS e
  WHERE e.`event` IN ('cart_added', 'product_viewed', 'purchase_completed')
  AND e.`occurred_at` >= (CAST(:as_of AS TIMESTAMP) - INTERVAL 172800 SECONDS)
  AND e.`occurred_at` <= CAST(:as_of AS TIMESTAMP)
  GROUP BY e.`customer_id`
)
SELECT c.`customer_id` AS `customer_id`,
       c.`email` AS `email`
FROM `customers` AS c
LEFT JOIN `s0` ON `s0`.`k` = c.`customer_id`
LEFT JOIN (SELECT DISTINCT x.`customer_id` AS `v` FROM `suppressions` AS x WHERE x.`customer_id` IS NOT NULL) AS `herald_suppressed_key` ON `herald_suppressed_key`.`v` = c.`customer_id`
WHERE (c.`email_consent` AND (COALESCE(`s0`.`f1`, 0) >= 3) AND (COALESCE(`s0`.`f2`, 0) >= 1) AND (COALESCE(`s0`.`f0`, 0) < 1))
  AND `herald_suppressed_key`.`v` IS NULL
ORDER BY c.`customer_id`
