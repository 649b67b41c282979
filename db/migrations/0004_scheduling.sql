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
ALTER TABLE `agenda_item_hosts` ADD `starts_at` integer;--> statement-breakpoint
ALTER TABLE `agenda_item_hosts` ADD `ends_at` integer;--> statement-breakpoint
CREATE INDEX `aih_host_time_idx` ON `agenda_item_hosts` (`host_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `blackouts` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `blackouts` ADD `updated_at` integer;