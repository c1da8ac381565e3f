-- Licences name their issuer in full, as issuerName() does for new ones: 吉林省人力资源和社会保障厅 for
-- the province's office, a district bureau under its city (长春市南关区人力资源和社会保障局).
UPDATE "licences" SET "department_name" = '吉林省人力资源和社会保障厅' WHERE "department" = '220000' AND "department_name" = '省人社厅审批办';--> statement-breakpoint
UPDATE "licences" AS l SET "department_name" = regexp_replace(c."name", '人力资源和社会保障局$', '') || l."department_name"
FROM "departments" AS d JOIN "departments" AS c ON c."id" = d."parent_id"
WHERE d."code" = l."department" AND d."level" = 'county' AND c."level" = 'city'
  AND l."department_name" = d."name" AND d."name" ~ '区人力资源和社会保障局$';
