DROP INDEX "institutions_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "institutions_name_trgm_idx" ON "institutions" USING gin ("name" gin_trgm_ops) WITH (fastupdate=false);