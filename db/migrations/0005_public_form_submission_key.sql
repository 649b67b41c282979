ALTER TABLE `delegations` ADD `submission_key_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `delegations_submission_key_idx` ON `delegations` (`submission_key_hash`);