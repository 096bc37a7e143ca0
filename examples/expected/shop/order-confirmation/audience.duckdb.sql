SELECT c."customer_id" AS "customer_id",
       c."email" AS "email"
FROM "customers" AS c
ORDER BY c."customer_id"
