-- The acceptance step of 行政许可法 第三十二条 (decision 0034): each 受理 / 不予受理 / 补正 with its numbered notice.
-- Applications accepted before this migration (opened by a reviewer) keep their accepted_at and need no row here.
CREATE TABLE "application_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"department" text NOT NULL,
	"issuer_name" text NOT NULL,
	"notice_number" text NOT NULL,
	"subject_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_on" date,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_acceptances" ADD CONSTRAINT "application_acceptances_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_acceptances" ADD CONSTRAINT "application_acceptances_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_acceptances_notice_uq" ON "application_acceptances" USING btree ("notice_number");--> statement-breakpoint
CREATE INDEX "application_acceptances_application_idx" ON "application_acceptances" USING btree ("application_id","decided_at");