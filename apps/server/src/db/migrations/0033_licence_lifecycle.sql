CREATE TABLE "application_reissues" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"reason" text,
	"statement" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licence_expiry_reminders" (
	"licence_id" uuid NOT NULL,
	"valid_until" date NOT NULL,
	"days" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "licence_expiry_reminders_licence_id_valid_until_days_pk" PRIMARY KEY("licence_id","valid_until","days")
);
--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "valid_until" date;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "reissued_on" date;--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "edition" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "application_reissues" ADD CONSTRAINT "application_reissues_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_expiry_reminders" ADD CONSTRAINT "licence_expiry_reminders_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- the daily expiry reminders' queue (decision 0047), as migration 0031 creates the others
SELECT pgboss.create_queue('licence-expiry-reminders', '{"policy":"standard","retryLimit":3,"retryDelay":300,"retryBackoff":true,"expireInSeconds":600}');
