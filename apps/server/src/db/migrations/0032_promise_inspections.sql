CREATE TABLE "dishonesty_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"inspection_task_id" uuid,
	"department" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"licence_id" uuid,
	"department" text NOT NULL,
	"status" text DEFAULT '待核查' NOT NULL,
	"outcome" text,
	"due_on" date NOT NULL,
	"checklist" jsonb NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"rectify_demand" text,
	"rectify_deadline" date,
	"revoke_reason" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "procedure" text DEFAULT '一般程序' NOT NULL;--> statement-breakpoint
ALTER TABLE "dishonesty_records" ADD CONSTRAINT "dishonesty_records_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_records" ADD CONSTRAINT "dishonesty_records_inspection_task_id_inspection_tasks_id_fk" FOREIGN KEY ("inspection_task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dishonesty_records" ADD CONSTRAINT "dishonesty_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dishonesty_records_institution_idx" ON "dishonesty_records" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dishonesty_records_task_uq" ON "dishonesty_records" USING btree ("inspection_task_id") WHERE inspection_task_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_tasks_application_uq" ON "inspection_tasks" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "inspection_tasks_department_idx" ON "inspection_tasks" USING btree ("department","status","due_on");--> statement-breakpoint
CREATE INDEX "inspection_tasks_institution_idx" ON "inspection_tasks" USING btree ("institution_id");