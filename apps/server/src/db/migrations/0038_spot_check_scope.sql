-- 双随机抽查 plans of a city bureau (decision 0049): the city 审批部门 whose reviewer made the plan; null for an administrator's.
--> statement-breakpoint
ALTER TABLE "spot_check_plans" ADD COLUMN "scope_department" text;