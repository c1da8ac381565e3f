-- No backfill: no application of an exclusive kind (变更, 注销) could be created before this migration.
ALTER TABLE "applications" ADD COLUMN "open_for" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_open_for_institutions_id_fk" FOREIGN KEY ("open_for") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_open_for_uq" ON "applications" USING btree ("open_for");