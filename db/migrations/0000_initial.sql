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
	`starts_at` integer,
	`ends_at` integer,
	PRIMARY KEY(`item_id`, `host_id`),
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `aih_host_idx` ON `agenda_item_hosts` (`host_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `aih_host_time_idx` ON `agenda_item_hosts` (`host_id`,`starts_at`);--> statement-breakpoint
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
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_events` (`actor_id`,`at`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_email_idx` ON `sign_in_failures` (`email`,`at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_ip_idx` ON `sign_in_failures` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`locale` text DEFAULT 'id' NOT NULL,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
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
CREATE TABLE `delegation_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`delegation_id` text NOT NULL,
	`author_id` text,
	`author_label` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delegation_notes_idx` ON `delegation_notes` (`delegation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `delegation_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE `letter_files` (
	`delegation_id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
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
CREATE TABLE `topics` (
	`id` text PRIMARY KEY NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`delegation_id` text,
	`item_id` text,
	`scope` text DEFAULT '' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`dedupe_key` text NOT NULL,
	`locale` text NOT NULL,
	`to_name` text NOT NULL,
	`to_email` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`ics_method` text,
	`ics_sequence` integer,
	`ics_uid` text,
	`ics_content` text,
	`attachments` text,
	`item_snapshot` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`message_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_idx` ON `outbox_messages` (`dedupe_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_idx` ON `outbox_messages` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_messages` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_delegation_idx` ON `outbox_messages` (`delegation_id`,`kind`);--> statement-breakpoint
CREATE INDEX `outbox_item_idx` ON `outbox_messages` (`item_id`,`kind`);--> statement-breakpoint
CREATE TABLE `rate_limit_counters` (
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
--> statement-breakpoint
CREATE TABLE `seed_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `agenda_revisions` (
	`delegation_id` text NOT NULL,
	`revision` integer NOT NULL,
	`version_key` text NOT NULL,
	`items` text NOT NULL,
	`changes` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_revisions_idx` ON `agenda_revisions` (`delegation_id`,`revision`);--> statement-breakpoint
CREATE TABLE `feed_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`scope` text NOT NULL,
	`scope_id` text,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`created_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feed_tokens_token_idx` ON `feed_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` text PRIMARY KEY NOT NULL,
	`delegation_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`created_by` text,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token_idx` ON `share_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_links_delegation_idx` ON `share_links` (`delegation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `tour_template_items` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`position` integer NOT NULL,
	`offset_minutes` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`kind` text NOT NULL,
	`venue_id` text,
	`host_ids` text NOT NULL,
	`title_id` text NOT NULL,
	`title_en` text NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `tour_templates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tti_template_idx` ON `tour_template_items` (`template_id`,`position`);--> statement-breakpoint
CREATE TABLE `tour_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`description` text,
	`default_start_time` text DEFAULT '08:30' NOT NULL,
	`time_zone` text DEFAULT 'Asia/Jakarta' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
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
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer,
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
