CREATE TABLE "application_cancellations" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"category" text
);
--> statement-breakpoint
ALTER TABLE "application_cancellations" ADD CONSTRAINT "application_cancellations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;