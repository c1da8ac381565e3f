CREATE TABLE "tus_locks" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"release_requested" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tus_upload_chunks" (
	"upload_id" text NOT NULL,
	"offset" bigint NOT NULL,
	"size" bigint NOT NULL,
	"object_name" text NOT NULL,
	CONSTRAINT "tus_upload_chunks_upload_id_offset_pk" PRIMARY KEY("upload_id","offset")
);
--> statement-breakpoint
CREATE TABLE "tus_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"offset" bigint NOT NULL,
	"metadata" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tus_upload_chunks" ADD CONSTRAINT "tus_upload_chunks_upload_id_tus_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."tus_uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tus_uploads_updated_at_idx" ON "tus_uploads" USING btree ("updated_at");