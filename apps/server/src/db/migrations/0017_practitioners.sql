CREATE TABLE "practitioners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
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
	"household_region" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "practitioners_institution_id_card_key" UNIQUE("institution_id","id_card_idx")
);
--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practitioners_institution_created_idx" ON "practitioners" USING btree ("institution_id","created_at","id");