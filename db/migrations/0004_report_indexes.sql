DROP INDEX `delegations_visit_start_idx`;--> statement-breakpoint
CREATE INDEX `delegations_visit_start_idx` ON `delegations` (`status`,(confirmed_dates ->> '$.start'),`id`,`province_code`,`expected_size`,`created_at`);--> statement-breakpoint
DROP INDEX `commitments_delegation_idx`;--> statement-breakpoint
CREATE INDEX `commitments_delegation_idx` ON `commitments` (`delegation_id`,`status`,`target_date`,`completed_on`);--> statement-breakpoint
CREATE INDEX `participants_attendance_idx` ON `participants` (`delegation_id`,`attended`,`walk_in`);