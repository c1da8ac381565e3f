CREATE TABLE "report_reminders" (
	"institution_id" uuid NOT NULL,
	"service_year" integer NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	CONSTRAINT "report_reminders_institution_id_service_year_stage_pk" PRIMARY KEY("institution_id","service_year","stage")
);
--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- the job queue's daily reminder of unsent 业务基本情况 (jobs/queue.ts, decision 0041)
SELECT pgboss.create_queue('report-reminders', '{"policy":"standard","retryLimit":3,"retryDelay":300,"retryBackoff":true,"expireInSeconds":600}');