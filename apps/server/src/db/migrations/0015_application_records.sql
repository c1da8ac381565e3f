-- The record kinds' content moves out of the application header (decision 0022): each 设立 / 变更 /
-- 注销 application's proposed record version is now a row of application_records.
CREATE TABLE "application_records" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL
);
--> statement-breakpoint
INSERT INTO "application_records" ("application_id", "record_id") SELECT "id", "record_id" FROM "applications";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_record_id_institution_records_id_fk";
--> statement-breakpoint
ALTER TABLE "application_records" ADD CONSTRAINT "application_records_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_records" ADD CONSTRAINT "application_records_record_id_institution_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."institution_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" DROP COLUMN "record_id";
