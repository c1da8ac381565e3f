-- 统计分析's kept counts again from the tables themselves: the 存量机构 import set an institution's record
-- in force before the record existed, so the count trigger (0023) never saw imported institutions
-- (fixed in the import; this puts the counts of databases that imported before it right). Writers wait.
LOCK TABLE institutions, institution_records, statistics_report_states IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
DELETE FROM statistics_licensed_counts;
--> statement-breakpoint
DELETE FROM statistics_reported_counts;
--> statement-breakpoint
INSERT INTO statistics_licensed_counts (department, licensed)
SELECT coalesce(r.department, ''), count(*) FROM institutions i JOIN institution_records r ON r.id = i.current_record_id
 WHERE i.review_status = '审核通过' AND i.cancel_status <> '注销' GROUP BY 1;
--> statement-breakpoint
INSERT INTO statistics_reported_counts (service_year, department, reported)
SELECT s.service_year, coalesce(r.department, ''), count(*)
  FROM statistics_report_states s JOIN institutions i ON i.id = s.institution_id JOIN institution_records r ON r.id = i.current_record_id
 WHERE s.status IN ('待审核', '审核通过') AND i.review_status = '审核通过' AND i.cancel_status <> '注销' GROUP BY 1, 2;
