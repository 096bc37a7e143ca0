WITH `s0` AS (
  SELECT e.`customer_id` AS `k`
    , COUNT(CASE WHEN e.`event` = 'purchase_completed' THEN 1 END) AS `f0`
    , COUNT(CASE WHEN e.`event` = 'email_opened' THEN 1 END) AS `f1`
    , COUNT(CASE WHEN e.`event` = 'email_delivered' THEN 1 END) AS `f2`
  FROM `events` AS e
  WHERE e.`event` IN ('email_delivered', 'email_opened', 'purchase_completed')
  AND e.`occurred_at` >= ({as_of:DateTime64(3, 'UTC')} - INTERVAL 7776000 SECOND)
  AND e.`occurred_at` <= {as_of:DateTime64(3, 'UTC')}
  GROUP BY e.`customer_id`
)
SELECT c.`customer_id` AS `customer_id`,
       c.`email` AS `email`,
       c.`city` AS `city`,
       c.`first_name` AS `first_name`
FROM `customers` AS c
LEFT JOIN `s0` ON `s0`.`k` = c.`customer_id`
LEFT JOIN (SELECT DISTINCT x.`customer_id` AS `v` FROM `suppressions` AS x WHERE x.`customer_id` IS NOT NULL) AS `herald_suppressed_key` ON `herald_suppressed_key`.`v` = c.`customer_id`
WHERE (c.`email_consent` AND (toInt64(COALESCE(`s0`.`f0`, 0)) >= 2) AND (COALESCE((toFloat64(toInt64(COALESCE(`s0`.`f1`, 0))) / NULLIF(toInt64(COALESCE(`s0`.`f2`, 0)), 0)), 0) > 0.7))
  AND `herald_suppressed_key`.`v` IS NULL
ORDER BY c.`customer_id`
SETTINGS join_use_nulls = 1
