ALTER TABLE "institutions" ADD COLUMN "latest_issued_on" date;--> statement-breakpoint
CREATE INDEX "institutions_register_order_idx" ON "institutions" USING btree ("latest_issued_on" DESC NULLS LAST,"name","id") WHERE "institutions"."review_status" = '审核通过' OR "institutions"."current_record_id" IS NOT NULL;--> statement-breakpoint
-- institutions.latest_issued_on follows the latest licence (the one in force, else the newest; as the register reads it) of
-- every institution a statement gives a licence, whichever path writes it (issue, re-issue, import)
CREATE OR REPLACE FUNCTION licences_latest_issued_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE institutions i
     SET latest_issued_on = (SELECT l.issued_on FROM licences l WHERE l.institution_id = i.id ORDER BY l.status = '有效' DESC, l.created_at DESC, l.id DESC LIMIT 1)
   WHERE i.id IN (SELECT DISTINCT institution_id FROM added_licences);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER licences_latest_issued_on
  AFTER INSERT ON licences REFERENCING NEW TABLE AS added_licences
  FOR EACH STATEMENT EXECUTE FUNCTION licences_latest_issued_on();
--> statement-breakpoint
UPDATE institutions i
   SET latest_issued_on = l.issued_on
  FROM (SELECT DISTINCT ON (institution_id) institution_id, issued_on FROM licences ORDER BY institution_id, status = '有效' DESC, created_at DESC, id DESC) l
 WHERE l.institution_id = i.id;
