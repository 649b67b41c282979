CREATE TABLE `feedback_links` (
	`id` text PRIMARY KEY NOT NULL,
	`delegation_id` text NOT NULL,
	`participant_id` text,
	`token_hash` text NOT NULL,
	`recipient_name` text NOT NULL,
	`recipient_email` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_links_token_idx` ON `feedback_links` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_links_recipient_idx` ON `feedback_links` (`delegation_id`,`recipient_email`);--> statement-breakpoint
CREATE TABLE `feedback_responses` (
	`link_id` text PRIMARY KEY NOT NULL,
	`delegation_id` text NOT NULL,
	`overall_rating` integer NOT NULL,
	`session_ratings` text NOT NULL,
	`most_useful` text,
	`will_replicate` text,
	`comments` text,
	`respondent_name` text,
	`respondent_title` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `feedback_links`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feedback_responses_delegation_idx` ON `feedback_responses` (`delegation_id`,`overall_rating`);--> statement-breakpoint
CREATE TABLE `press_releases` (
	`delegation_id` text NOT NULL,
	`version` integer NOT NULL,
	`headline` text NOT NULL,
	`dateline` text NOT NULL,
	`lead` text NOT NULL,
	`body` text NOT NULL,
	`quotes` text NOT NULL,
	`commitments` text NOT NULL,
	`closing` text NOT NULL,
	`author_id` text,
	`author_label` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`delegation_id`, `version`),
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `publications` (
	`delegation_id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`photo_url` text,
	`photo_alt` text,
	`links` text NOT NULL,
	`visit_start` text NOT NULL,
	`visit_end` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publications_slug_unique` ON `publications` (`slug`);--> statement-breakpoint
CREATE INDEX `publications_visit_idx` ON `publications` (`visit_start`);--> statement-breakpoint
CREATE TABLE `yearly_targets` (
	`year` integer PRIMARY KEY NOT NULL,
	`visits` integer,
	`visitors` integer,
	`commitments_on_time_pct` integer,
	`average_rating` real,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `delegations_visit_start_idx` ON `delegations` (`status`,(confirmed_dates ->> '$.start'));