CREATE TABLE "application_changes" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"reason" text,
	"registered_on" date
);
--> statement-breakpoint
ALTER TABLE "application_changes" ADD CONSTRAINT "application_changes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;