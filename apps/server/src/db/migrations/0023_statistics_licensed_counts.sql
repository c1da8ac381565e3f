CREATE TABLE "statistics_licensed_counts" (
	"department" text PRIMARY KEY NOT NULL,
	"licensed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_reported_counts" (
	"service_year" integer NOT NULL,
	"department" text NOT NULL,
	"reported" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_reported_counts_pkey" PRIMARY KEY("service_year","department")
);
--> statement-breakpoint
-- The dashboard's 持证机构 / 未报送 counts, kept in the transaction that changes them (decision 0027):
-- statement triggers with transition tables, like statistics_totals. A licensed institution is
-- 审核通过, not 注销, with a record in force; its area is that record's 审批部门 ('' when none). Reported:
-- its report for the year is 待审核 or 审核通过 (statistics_report_states). Three things move the counts:
-- an institution entering or leaving licensed or its record in force changing (institutions), the
-- record in force changing its 审批部门 (institution_records), a report state changing
-- (statistics_report_states). Each trigger reduces its statement to signed rows and hands them to one
-- function; rows that cancel out (an update that changes neither) touch no counter.
CREATE OR REPLACE FUNCTION statistics_licensed_move(ids uuid[], departments text[], signs integer[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO statistics_licensed_counts AS c (department, licensed)
  SELECT x.department, sum(x.sign) FROM unnest(departments, signs) AS x(department, sign)
   GROUP BY 1 HAVING sum(x.sign) <> 0
  ON CONFLICT (department) DO UPDATE SET licensed = c.licensed + excluded.licensed;
  INSERT INTO statistics_reported_counts AS c (service_year, department, reported)
  SELECT s.service_year, x.department, sum(x.sign) FROM unnest(ids, departments, signs) AS x(id, department, sign)
    JOIN statistics_report_states s ON s.institution_id = x.id AND s.status IN ('待审核', '审核通过')
   GROUP BY 1, 2 HAVING sum(x.sign) <> 0
  ON CONFLICT (service_year, department) DO UPDATE SET reported = c.reported + excluded.reported;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_licensed_from_institutions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  olds institutions[];
  news institutions[];
  ids uuid[];
  departments text[];
  signs integer[];
BEGIN
  -- a transition table exists only for the operations its trigger names: read each in its own branch
  IF TG_OP <> 'INSERT' THEN SELECT array_agg(o) INTO olds FROM old_institutions o; END IF;
  IF TG_OP <> 'DELETE' THEN SELECT array_agg(n) INTO news FROM new_institutions n; END IF;
  WITH changed AS (
    SELECT -1 AS sign, o.id, o.review_status, o.cancel_status, o.current_record_id FROM unnest(olds) o
    UNION ALL
    SELECT 1, n.id, n.review_status, n.cancel_status, n.current_record_id FROM unnest(news) n
  ), moves AS (
    SELECT c.id, coalesce(r.department, '') AS department, sum(c.sign)::integer AS sign
      FROM changed c JOIN institution_records r ON r.id = c.current_record_id
     WHERE c.review_status = '审核通过' AND c.cancel_status <> '注销'
     GROUP BY 1, 2 HAVING sum(c.sign) <> 0
  )
  SELECT array_agg(id), array_agg(department), array_agg(sign) INTO ids, departments, signs FROM moves;
  IF ids IS NOT NULL THEN PERFORM statistics_licensed_move(ids, departments, signs); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER statistics_licensed_insert AFTER INSERT ON institutions REFERENCING NEW TABLE AS new_institutions
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_licensed_from_institutions();
--> statement-breakpoint
CREATE TRIGGER statistics_licensed_update AFTER UPDATE ON institutions REFERENCING OLD TABLE AS old_institutions NEW TABLE AS new_institutions
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_licensed_from_institutions();
--> statement-breakpoint
CREATE TRIGGER statistics_licensed_delete AFTER DELETE ON institutions REFERENCING OLD TABLE AS old_institutions
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_licensed_from_institutions();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_licensed_from_records() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  departments text[];
  signs integer[];
BEGIN
  WITH moves AS (
    SELECT i.id, x.department, sum(x.sign)::integer AS sign
      FROM (SELECT -1 AS sign, o.id, coalesce(o.department, '') AS department FROM old_records o
            UNION ALL SELECT 1, n.id, coalesce(n.department, '') FROM new_records n) x
      JOIN institutions i ON i.current_record_id = x.id
     WHERE i.review_status = '审核通过' AND i.cancel_status <> '注销'
     GROUP BY 1, 2 HAVING sum(x.sign) <> 0
  )
  SELECT array_agg(id), array_agg(department), array_agg(sign) INTO ids, departments, signs FROM moves;
  IF ids IS NOT NULL THEN PERFORM statistics_licensed_move(ids, departments, signs); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER statistics_licensed_records AFTER UPDATE ON institution_records REFERENCING OLD TABLE AS old_records NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_licensed_from_records();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_reported_from_states() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  olds statistics_report_states[];
  news statistics_report_states[];
BEGIN
  IF TG_OP <> 'INSERT' THEN SELECT array_agg(o) INTO olds FROM old_states o; END IF;
  IF TG_OP <> 'DELETE' THEN SELECT array_agg(n) INTO news FROM new_states n; END IF;
  WITH changed AS (
    SELECT -1 AS sign, o.service_year, o.institution_id, o.status FROM unnest(olds) o
    UNION ALL
    SELECT 1, n.service_year, n.institution_id, n.status FROM unnest(news) n
  ), moves AS (
    SELECT service_year, institution_id, sum(sign) AS sign FROM changed WHERE status IN ('待审核', '审核通过')
     GROUP BY 1, 2 HAVING sum(sign) <> 0
  )
  INSERT INTO statistics_reported_counts AS c (service_year, department, reported)
  SELECT m.service_year, coalesce(r.department, ''), sum(m.sign)
    FROM moves m JOIN institutions i ON i.id = m.institution_id JOIN institution_records r ON r.id = i.current_record_id
   WHERE i.review_status = '审核通过' AND i.cancel_status <> '注销'
   GROUP BY 1, 2 HAVING sum(m.sign) <> 0
  ON CONFLICT (service_year, department) DO UPDATE SET reported = c.reported + excluded.reported;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER statistics_reported_insert AFTER INSERT ON statistics_report_states REFERENCING NEW TABLE AS new_states
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_reported_from_states();
--> statement-breakpoint
CREATE TRIGGER statistics_reported_update AFTER UPDATE ON statistics_report_states REFERENCING OLD TABLE AS old_states NEW TABLE AS new_states
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_reported_from_states();
--> statement-breakpoint
CREATE TRIGGER statistics_reported_delete AFTER DELETE ON statistics_report_states REFERENCING OLD TABLE AS old_states
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_reported_from_states();
--> statement-breakpoint
INSERT INTO statistics_licensed_counts (department, licensed)
SELECT coalesce(r.department, ''), count(*) FROM institutions i JOIN institution_records r ON r.id = i.current_record_id
 WHERE i.review_status = '审核通过' AND i.cancel_status <> '注销' GROUP BY 1;
--> statement-breakpoint
INSERT INTO statistics_reported_counts (service_year, department, reported)
SELECT s.service_year, coalesce(r.department, ''), count(*)
  FROM statistics_report_states s JOIN institutions i ON i.id = s.institution_id JOIN institution_records r ON r.id = i.current_record_id
 WHERE s.status IN ('待审核', '审核通过') AND i.review_status = '审核通过' AND i.cancel_status <> '注销' GROUP BY 1, 2;
