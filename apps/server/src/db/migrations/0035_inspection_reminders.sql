CREATE TABLE "inspection_reminders" (
	"task_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inspection_reminders_task_id_due_on_stage_pk" PRIMARY KEY("task_id","due_on","stage")
);
--> statement-breakpoint
ALTER TABLE "inspection_reminders" ADD CONSTRAINT "inspection_reminders_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE cascade ON UPDATE no action;