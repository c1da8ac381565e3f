CREATE TABLE "work_calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "work_calendar_days_kind" CHECK ("work_calendar_days"."kind" IN ('休', '班'))
);
--> statement-breakpoint
CREATE TABLE "work_calendar_seeded_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"seeded_at" timestamp with time zone NOT NULL
);
