WITH `herald_recipients` AS (
  SELECT x.`customer_id` AS `k`, MIN(x.`sent_at`) AS `sent_at`, MIN(x.`arm`) AS `arm`
  FROM `herald_sends` AS x
  WHERE x.`campaign` = 'cart-abandonment'
    AND x.`sent_at` <= CAST(:as_of AS TIMESTAMP)
  GROUP BY x.`customer_id`
),
`herald_goal` AS (
  SELECT r.`k` AS `k`
    , COUNT(CASE WHEN e.`occurred_at` <= (r.`sent_at` + INTERVAL 259200 SECONDS) THEN 1 END) AS `g0`
  FROM `herald_recipients` AS r
  JOIN `events` AS e ON e.`customer_id` = r.`k`
  WHERE e.`event` = 'purchase_completed'
  AND e.`occurred_at` > r.`sent_at`
  AND e.`occurred_at` <= CAST(:as_of AS TIMESTAMP)
  GROUP BY r.`k`
),
`herald_outcomes` AS (
  SELECT r.`k` AS `k`, r.`arm` AS `arm`,
    CASE WHEN (COALESCE(`herald_goal`.`g0`, 0) >= 1) THEN 1 ELSE 0 END AS `converted`
  FROM `herald_recipients` AS r
  LEFT JOIN `customers` AS c ON c.`customer_id` = r.`k`
  LEFT JOIN `herald_goal` ON `herald_goal`.`k` = r.`k`
),
`herald_arms` AS (
  SELECT `arm`, COUNT(*) AS `n`, SUM(`converted`) AS `x`
  FROM `herald_outcomes`
  GROUP BY `arm`
),
`herald_tests` AS (
  SELECT a.`arm` AS `arm`, a.`n` AS `n`, a.`x` AS `x`,
    CAST(a.`x` AS DOUBLE) / CAST(a.`n` AS DOUBLE) AS `rate`,
    CASE WHEN a.`arm` = 'control' OR b.`n` IS NULL OR ((CAST(a.`x` AS DOUBLE) + CAST(b.`x` AS DOUBLE)) / (CAST(a.`n` AS DOUBLE) + CAST(b.`n` AS DOUBLE))) <= 0 OR ((CAST(a.`x` AS DOUBLE) + CAST(b.`x` AS DOUBLE)) / (CAST(a.`n` AS DOUBLE) + CAST(b.`n` AS DOUBLE))) >= 1 THEN NULL
         ELSE (CAST(a.`x` AS DOUBLE) / CAST(a.`n` AS DOUBLE) - CAST(b.`x` AS DOUBLE) / CAST(b.`n` AS DOUBLE)) / SQRT(((CAST(a.`x` AS DOUBLE) + CAST(b.`x` AS DOUBLE)) / (CAST(a.`n` AS DOUBLE) + CAST(b.`n` AS DOUBLE))) * (1 - ((CAST(a.`x` AS DOUBLE) + CAST(b.`x` AS DOUBLE)) / (CAST(a.`n` AS DOUBLE) + CAST(b.`n` AS DOUBLE)))) * (1 / CAST(a.`n` AS DOUBLE) + 1 / CAST(b.`n` AS DOUBLE))) END AS `z`
  FROM `herald_arms` AS a
  LEFT JOIN `herald_arms` AS b ON b.`arm` = 'control'
)
SELECT `arm` AS `arm`,
       `n` AS `recipients`,
       `x` AS `conversions`,
       `rate` AS `conversion_rate`,
       `z` AS `z`,
       2 * 0.3989422804014327 * EXP(-`z` * `z` / 2) * (1 / (1 + 0.2316419 * ABS(`z`))) * (0.319381530 + (1 / (1 + 0.2316419 * ABS(`z`))) * (-0.356563782 + (1 / (1 + 0.2316419 * ABS(`z`))) * (1.781477937 + (1 / (1 + 0.2316419 * ABS(`z`))) * (-1.821255978 + (1 / (1 + 0.2316419 * ABS(`z`))) * 1.330274429)))) AS `p_value`
FROM `herald_tests`
ORDER BY CASE `arm` WHEN 'control' THEN 0 WHEN 'urgent' THEN 1 WHEN 'holdout' THEN 2 ELSE 3 END, `arm`
