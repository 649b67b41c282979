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
CREATE INDEX `outbox_item_idx` ON `outbox_messages` (`item_id`,`kind`);