CREATE TABLE `host_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`government_name` text NOT NULL,
	`office_name` text NOT NULL,
	`address` text NOT NULL,
	`city` text NOT NULL,
	`phone` text,
	`whatsapp` text,
	`email` text,
	`website` text,
	`signatory_name` text NOT NULL,
	`signatory_title` text NOT NULL,
	`signatory_nip` text,
	`letter_number_format` text NOT NULL,
	`logo` blob,
	`logo_type` text,
	`default_time_zone` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`delegation_id` text NOT NULL,
	`party` text NOT NULL,
	`owner_user_id` text,
	`owner_name` text,
	`owner_email` text,
	`what` text NOT NULL,
	`target_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`drop_reason` text,
	`evidence_url` text,
	`evidence_note` text,
	`completed_on` text,
	`reminders_enabled` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_delegation_idx` ON `commitments` (`delegation_id`);--> statement-breakpoint
CREATE INDEX `commitments_status_target_idx` ON `commitments` (`status`,`target_date`);--> statement-breakpoint
CREATE INDEX `commitments_owner_idx` ON `commitments` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `visit_outcomes` (
	`delegation_id` text PRIMARY KEY NOT NULL,
	`summary` text NOT NULL,
	`summary_en` text,
	`shown` text,
	`discussed` text,
	`press_release_url` text,
	`media` text NOT NULL,
	`documentation` text NOT NULL,
	`internal_notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `participants` ADD `walk_in` integer DEFAULT false NOT NULL;