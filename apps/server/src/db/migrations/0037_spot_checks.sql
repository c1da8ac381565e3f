-- 双随机抽查 (decision 0049): plans with their seed and pool; inspection tasks of two kinds (告知承诺核查 from an application, 双随机抽查 from a plan) with the inspectors a plan drew.
--> statement-breakpoint
CREATE TABLE "spot_check_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"ratio" integer NOT NULL,
	"inspectors_per_task" integer NOT NULL,
	"due_on" date NOT NULL,
	"seed" text NOT NULL,
	"pool" jsonb NOT NULL,
	"candidate_count" integer NOT NULL,
	"drawn_count" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_tasks" ALTER COLUMN "application_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD COLUMN "kind" text DEFAULT '告知承诺核查' NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD COLUMN "plan_id" uuid;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD COLUMN "inspectors" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_check_plans" ADD CONSTRAINT "spot_check_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_plan_id_spot_check_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."spot_check_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_tasks_plan_institution_uq" ON "inspection_tasks" USING btree ("plan_id","institution_id") WHERE plan_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_source_ck" CHECK ((kind = '告知承诺核查' AND application_id IS NOT NULL) OR (kind = '双随机抽查' AND plan_id IS NOT NULL));