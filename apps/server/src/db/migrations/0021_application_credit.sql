CREATE TABLE "application_credit" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"awarded_on" date
);
--> statement-breakpoint
ALTER TABLE "application_credit" ADD CONSTRAINT "application_credit_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_credit" ADD CONSTRAINT "application_credit_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_credit_institution_year_uq" ON "application_credit" USING btree ("institution_id","year");