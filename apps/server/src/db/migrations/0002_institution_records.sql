CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "institution_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text,
	"short_name" text,
	"uscc" text,
	"category" text,
	"founded_on" date,
	"legal_rep" text,
	"legal_rep_id_card_enc" text,
	"legal_rep_phone_enc" text,
	"legal_rep_title" text,
	"registered_capital" numeric,
	"department" text,
	"scopes" jsonb,
	"website_name" text,
	"website_domain" text,
	"staff_count" integer,
	"qualified_count" integer,
	"internal_departments" text,
	"branches" text,
	"licence_delivery" text,
	"remarks" text,
	"contact_person" text,
	"contact_mobile_enc" text,
	"phone_area_code" text,
	"phone_number" text,
	"phone_extension" text,
	"fax" text,
	"by_post" boolean,
	"office_address" text,
	"postcode" text,
	"email" text,
	"premises_area" numeric,
	"facilities_value" numeric,
	"total_assets" numeric,
	"net_assets" numeric,
	"owned_office_area" numeric,
	"rented_office_area" numeric,
	"office_area_total" numeric,
	"office_count" integer,
	"company_profile" text,
	"reason" text,
	"annual_income" numeric,
	"bad_records" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"quantity" integer,
	"area" numeric,
	"value" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_service_fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"business" text NOT NULL,
	"content" text,
	"procedure" text,
	"fee_item" text,
	"fee_standard" text
);
--> statement-breakpoint
CREATE TABLE "record_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"id_type" text NOT NULL,
	"id_card_enc" text NOT NULL,
	"id_card_idx" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date,
	"political_status" text NOT NULL,
	"ethnicity" text NOT NULL,
	"qualification_level" text,
	"qualification_cert_no" text,
	"education" text NOT NULL,
	"graduated_on" date,
	"school" text,
	"major" text,
	"work_start_on" date,
	"work_end_on" date,
	"mobile_enc" text NOT NULL,
	"email" text,
	"postcode" text,
	"household_region" text
);
--> statement-breakpoint
CREATE TABLE "application_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"request_key" text NOT NULL,
	"department" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"type" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"status" text DEFAULT '待提交' NOT NULL,
	"department" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "legal_rep" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "legal_rep_id_idx" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "current_record_id" uuid;--> statement-breakpoint
ALTER TABLE "institution_records" ADD CONSTRAINT "institution_records_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_facilities" ADD CONSTRAINT "record_facilities_record_id_institution_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."institution_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_service_fees" ADD CONSTRAINT "record_service_fees_record_id_institution_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."institution_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_staff" ADD CONSTRAINT "record_staff_record_id_institution_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."institution_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_submissions" ADD CONSTRAINT "application_submissions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_submissions" ADD CONSTRAINT "application_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_record_id_institution_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."institution_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institution_records_institution_idx" ON "institution_records" USING btree ("institution_id","version");--> statement-breakpoint
CREATE INDEX "record_facilities_record_idx" ON "record_facilities" USING btree ("record_id","position");--> statement-breakpoint
CREATE INDEX "record_service_fees_record_idx" ON "record_service_fees" USING btree ("record_id","position");--> statement-breakpoint
CREATE INDEX "record_staff_record_idx" ON "record_staff" USING btree ("record_id","position");--> statement-breakpoint
CREATE INDEX "record_staff_id_card_idx" ON "record_staff" USING btree ("id_card_idx");--> statement-breakpoint
CREATE UNIQUE INDEX "application_submissions_round_uq" ON "application_submissions" USING btree ("application_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "application_submissions_key_uq" ON "application_submissions" USING btree ("application_id","request_key");--> statement-breakpoint
CREATE INDEX "applications_unit_idx" ON "applications" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_institution_idx" ON "applications" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_one_legal_per_unit_uq" ON "users" USING btree ("unit_id") WHERE role = 'legal';--> statement-breakpoint
CREATE INDEX "institutions_name_trgm_idx" ON "institutions" USING gin ("name" gin_trgm_ops);