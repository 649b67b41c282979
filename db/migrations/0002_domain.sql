CREATE TABLE `agenda_item_delegations` (
	`item_id` text NOT NULL,
	`delegation_id` text NOT NULL,
	`group_size` integer NOT NULL,
	PRIMARY KEY(`item_id`, `delegation_id`),
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `aid_delegation_idx` ON `agenda_item_delegations` (`delegation_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `agenda_item_hosts` (
	`item_id` text NOT NULL,
	`host_id` text NOT NULL,
	PRIMARY KEY(`item_id`, `host_id`),
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aih_host_idx` ON `agenda_item_hosts` (`host_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`title_en` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`venue_id` text,
	`group_size` integer NOT NULL,
	`person_in_charge` text,
	`dress_code` text,
	`notes` text,
	`notes_en` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`override_reason` text,
	`calendar_uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_calendar_uid_unique` ON `agenda_items` (`calendar_uid`);--> statement-breakpoint
CREATE INDEX `agenda_venue_time_idx` ON `agenda_items` (`venue_id`,`starts_at`,`ends_at`);--> statement-breakpoint
CREATE INDEX `agenda_time_idx` ON `agenda_items` (`starts_at`);--> statement-breakpoint
CREATE TABLE `closures` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`reviewed` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closures_date_kind_idx` ON `closures` (`date`,`kind`);--> statement-breakpoint
CREATE INDEX `closures_date_idx` ON `closures` (`date`);--> statement-breakpoint
CREATE TABLE `delegations` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`status` text NOT NULL,
	`institution` text NOT NULL,
	`province_code` text,
	`regency_code` text,
	`leader_name` text NOT NULL,
	`leader_title` text NOT NULL,
	`purpose` text NOT NULL,
	`topics` text NOT NULL,
	`expected_size` integer NOT NULL,
	`preferred_dates` text NOT NULL,
	`alternative_dates` text NOT NULL,
	`proposed_dates` text,
	`confirmed_dates` text,
	`arrival_at` integer,
	`departure_at` integer,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`contact_phone` text NOT NULL,
	`letter_number` text,
	`letter_date` text,
	`language` text DEFAULT 'id' NOT NULL,
	`notes` text,
	`public_message` text,
	`status_token_hash` text,
	`auto_notices` integer DEFAULT true NOT NULL,
	`source` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delegations_code_unique` ON `delegations` (`code`);--> statement-breakpoint
CREATE INDEX `delegations_status_idx` ON `delegations` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `delegations_institution_idx` ON `delegations` (`institution`);--> statement-breakpoint
CREATE UNIQUE INDEX `delegations_status_token_idx` ON `delegations` (`status_token_hash`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`delegation_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`institution` text,
	`email` text,
	`phone` text,
	`needs` text,
	`precedence_rank` integer NOT NULL,
	`rank_overridden` integer DEFAULT false NOT NULL,
	`attended` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participants_delegation_idx` ON `participants` (`delegation_id`,`precedence_rank`);--> statement-breakpoint
CREATE TABLE `blackouts` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text,
	`kind` text NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`weekdays` text,
	`from_time` text,
	`to_time` text,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `blackouts_venue_idx` ON `blackouts` (`venue_id`);--> statement-breakpoint
CREATE TABLE `hosts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`agency` text,
	`email` text,
	`phone` text,
	`weekly_availability` text,
	`time_zone` text DEFAULT 'Asia/Jakarta' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `venues` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`map_url` text,
	`capacity` integer NOT NULL,
	`concurrent_groups` integer DEFAULT 1 NOT NULL,
	`buffer_minutes` integer DEFAULT 0 NOT NULL,
	`weekly_hours` text NOT NULL,
	`time_zone` text DEFAULT 'Asia/Jakarta' NOT NULL,
	`opens_on_holidays` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
