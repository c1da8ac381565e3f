CREATE TABLE "statistics_report_states" (
	"service_year" integer NOT NULL,
	"institution_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "statistics_report_states_pkey" PRIMARY KEY("service_year","institution_id")
);
--> statement-breakpoint
CREATE TABLE "statistics_totals" (
	"service_year" integer NOT NULL,
	"department" text NOT NULL,
	"category" text NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"staff_total" bigint DEFAULT 0 NOT NULL,
	"annual_revenue" numeric(20, 2) DEFAULT 0 NOT NULL,
	"persons_served" bigint DEFAULT 0 NOT NULL,
	"employers_served" bigint DEFAULT 0 NOT NULL,
	"persons_placed" bigint DEFAULT 0 NOT NULL,
	"fairs_held" bigint DEFAULT 0 NOT NULL,
	"dispatched_workers" bigint DEFAULT 0 NOT NULL,
	"trainees" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_totals_pkey" PRIMARY KEY("service_year","department","category")
);
--> statement-breakpoint
CREATE INDEX "statistics_report_states_year_status_idx" ON "statistics_report_states" USING btree ("service_year","status","institution_id");--> statement-breakpoint
-- statistics_totals and statistics_report_states follow the reports and their applications in the transaction
-- that changes them (decision 0027): statement triggers with transition tables, so a bulk load is one grouped
-- upsert per statement, not one per row. Reports inserted, edited or deleted while their application is 审核通过
-- move the totals, and so does an application whose status enters or leaves 审核通过 while it has a report; the
-- states mirror each report's application status.
CREATE OR REPLACE FUNCTION statistics_totals_from_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO statistics_totals AS t (service_year, department, category, reports, staff_total, annual_revenue, persons_served, employers_served, persons_placed, fairs_held, dispatched_workers, trainees)
    SELECT x.service_year, coalesce(x.department, ''), coalesce(x.category, ''), sum(x.sign), sum((x.sign) * coalesce(x.staff_total, 0)), sum((x.sign) * coalesce(x.annual_revenue, 0)), sum((x.sign) * coalesce(x.persons_served, 0)), sum((x.sign) * coalesce(x.employers_served, 0)), sum((x.sign) * coalesce(x.persons_placed, 0)), sum((x.sign) * coalesce(x.fairs_held, 0)), sum((x.sign) * coalesce(x.dispatched_workers, 0)), sum((x.sign) * coalesce(x.trainees, 0))
      FROM (SELECT 1 AS sign, n.* FROM added_reports n) x JOIN applications a ON a.id = x.application_id AND a.status = '审核通过'
     GROUP BY 1, 2, 3
    ON CONFLICT (service_year, department, category) DO UPDATE SET
      reports = t.reports + excluded.reports,
      staff_total = t.staff_total + excluded.staff_total,
      annual_revenue = t.annual_revenue + excluded.annual_revenue,
      persons_served = t.persons_served + excluded.persons_served,
      employers_served = t.employers_served + excluded.employers_served,
      persons_placed = t.persons_placed + excluded.persons_placed,
      fairs_held = t.fairs_held + excluded.fairs_held,
      dispatched_workers = t.dispatched_workers + excluded.dispatched_workers,
      trainees = t.trainees + excluded.trainees;
    INSERT INTO statistics_report_states AS s (service_year, institution_id, status)
    SELECT n.service_year, n.institution_id, a.status FROM added_reports n JOIN applications a ON a.id = n.application_id
    ON CONFLICT (service_year, institution_id) DO UPDATE SET status = excluded.status;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO statistics_totals AS t (service_year, department, category, reports, staff_total, annual_revenue, persons_served, employers_served, persons_placed, fairs_held, dispatched_workers, trainees)
    SELECT x.service_year, coalesce(x.department, ''), coalesce(x.category, ''), sum(x.sign), sum((x.sign) * coalesce(x.staff_total, 0)), sum((x.sign) * coalesce(x.annual_revenue, 0)), sum((x.sign) * coalesce(x.persons_served, 0)), sum((x.sign) * coalesce(x.employers_served, 0)), sum((x.sign) * coalesce(x.persons_placed, 0)), sum((x.sign) * coalesce(x.fairs_held, 0)), sum((x.sign) * coalesce(x.dispatched_workers, 0)), sum((x.sign) * coalesce(x.trainees, 0))
      FROM (SELECT -1 AS sign, o.* FROM old_reports o UNION ALL SELECT 1, n.* FROM new_reports n) x JOIN applications a ON a.id = x.application_id AND a.status = '审核通过'
     GROUP BY 1, 2, 3
    ON CONFLICT (service_year, department, category) DO UPDATE SET
      reports = t.reports + excluded.reports,
      staff_total = t.staff_total + excluded.staff_total,
      annual_revenue = t.annual_revenue + excluded.annual_revenue,
      persons_served = t.persons_served + excluded.persons_served,
      employers_served = t.employers_served + excluded.employers_served,
      persons_placed = t.persons_placed + excluded.persons_placed,
      fairs_held = t.fairs_held + excluded.fairs_held,
      dispatched_workers = t.dispatched_workers + excluded.dispatched_workers,
      trainees = t.trainees + excluded.trainees;
    DELETE FROM statistics_report_states s USING old_reports o WHERE s.service_year = o.service_year AND s.institution_id = o.institution_id;
    INSERT INTO statistics_report_states AS s (service_year, institution_id, status)
    SELECT n.service_year, n.institution_id, a.status FROM new_reports n JOIN applications a ON a.id = n.application_id
    ON CONFLICT (service_year, institution_id) DO UPDATE SET status = excluded.status;
  ELSE
    INSERT INTO statistics_totals AS t (service_year, department, category, reports, staff_total, annual_revenue, persons_served, employers_served, persons_placed, fairs_held, dispatched_workers, trainees)
    SELECT x.service_year, coalesce(x.department, ''), coalesce(x.category, ''), sum(x.sign), sum((x.sign) * coalesce(x.staff_total, 0)), sum((x.sign) * coalesce(x.annual_revenue, 0)), sum((x.sign) * coalesce(x.persons_served, 0)), sum((x.sign) * coalesce(x.employers_served, 0)), sum((x.sign) * coalesce(x.persons_placed, 0)), sum((x.sign) * coalesce(x.fairs_held, 0)), sum((x.sign) * coalesce(x.dispatched_workers, 0)), sum((x.sign) * coalesce(x.trainees, 0))
      FROM (SELECT -1 AS sign, o.* FROM removed_reports o) x JOIN applications a ON a.id = x.application_id AND a.status = '审核通过'
     GROUP BY 1, 2, 3
    ON CONFLICT (service_year, department, category) DO UPDATE SET
      reports = t.reports + excluded.reports,
      staff_total = t.staff_total + excluded.staff_total,
      annual_revenue = t.annual_revenue + excluded.annual_revenue,
      persons_served = t.persons_served + excluded.persons_served,
      employers_served = t.employers_served + excluded.employers_served,
      persons_placed = t.persons_placed + excluded.persons_placed,
      fairs_held = t.fairs_held + excluded.fairs_held,
      dispatched_workers = t.dispatched_workers + excluded.dispatched_workers,
      trainees = t.trainees + excluded.trainees;
    DELETE FROM statistics_report_states s USING removed_reports o WHERE s.service_year = o.service_year AND s.institution_id = o.institution_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER statistics_totals_insert AFTER INSERT ON statistics_reports REFERENCING NEW TABLE AS added_reports
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_totals_from_reports();
--> statement-breakpoint
CREATE TRIGGER statistics_totals_update AFTER UPDATE ON statistics_reports REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_totals_from_reports();
--> statement-breakpoint
CREATE TRIGGER statistics_totals_delete AFTER DELETE ON statistics_reports REFERENCING OLD TABLE AS removed_reports
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_totals_from_reports();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_totals_from_applications() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_totals AS t (service_year, department, category, reports, staff_total, annual_revenue, persons_served, employers_served, persons_placed, fairs_held, dispatched_workers, trainees)
    SELECT x.service_year, coalesce(x.department, ''), coalesce(x.category, ''), sum(x.sign), sum((x.sign) * coalesce(x.staff_total, 0)), sum((x.sign) * coalesce(x.annual_revenue, 0)), sum((x.sign) * coalesce(x.persons_served, 0)), sum((x.sign) * coalesce(x.employers_served, 0)), sum((x.sign) * coalesce(x.persons_placed, 0)), sum((x.sign) * coalesce(x.fairs_held, 0)), sum((x.sign) * coalesce(x.dispatched_workers, 0)), sum((x.sign) * coalesce(x.trainees, 0))
      FROM (SELECT CASE WHEN n.status = '审核通过' THEN 1 ELSE -1 END AS sign, r.* FROM new_applications n JOIN old_applications o ON o.id = n.id JOIN statistics_reports r ON r.application_id = n.id WHERE (n.status = '审核通过') <> (o.status = '审核通过')) x
     GROUP BY 1, 2, 3
    ON CONFLICT (service_year, department, category) DO UPDATE SET
      reports = t.reports + excluded.reports,
      staff_total = t.staff_total + excluded.staff_total,
      annual_revenue = t.annual_revenue + excluded.annual_revenue,
      persons_served = t.persons_served + excluded.persons_served,
      employers_served = t.employers_served + excluded.employers_served,
      persons_placed = t.persons_placed + excluded.persons_placed,
      fairs_held = t.fairs_held + excluded.fairs_held,
      dispatched_workers = t.dispatched_workers + excluded.dispatched_workers,
      trainees = t.trainees + excluded.trainees;
  UPDATE statistics_report_states s SET status = n.status
    FROM new_applications n JOIN statistics_reports r ON r.application_id = n.id
   WHERE s.service_year = r.service_year AND s.institution_id = r.institution_id AND s.status IS DISTINCT FROM n.status;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER statistics_totals_status AFTER UPDATE ON applications REFERENCING OLD TABLE AS old_applications NEW TABLE AS new_applications
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_totals_from_applications();
--> statement-breakpoint
INSERT INTO statistics_totals (service_year, department, category, reports, staff_total, annual_revenue, persons_served, employers_served, persons_placed, fairs_held, dispatched_workers, trainees)
SELECT x.service_year, coalesce(x.department, ''), coalesce(x.category, ''), sum(x.sign), sum((x.sign) * coalesce(x.staff_total, 0)), sum((x.sign) * coalesce(x.annual_revenue, 0)), sum((x.sign) * coalesce(x.persons_served, 0)), sum((x.sign) * coalesce(x.employers_served, 0)), sum((x.sign) * coalesce(x.persons_placed, 0)), sum((x.sign) * coalesce(x.fairs_held, 0)), sum((x.sign) * coalesce(x.dispatched_workers, 0)), sum((x.sign) * coalesce(x.trainees, 0))
      FROM (SELECT 1 AS sign, r.* FROM statistics_reports r) x JOIN applications a ON a.id = x.application_id AND a.status = '审核通过'
     GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO statistics_report_states (service_year, institution_id, status)
SELECT r.service_year, r.institution_id, a.status FROM statistics_reports r JOIN applications a ON a.id = r.application_id;
--> statement-breakpoint
-- the export reads a year's reports in keyset batches of the application id (statistics_reports is the statistics
-- module's table; the index is this module's reading of it)
CREATE INDEX "statistics_reports_year_application_idx" ON "statistics_reports" USING btree ("service_year", "application_id");
