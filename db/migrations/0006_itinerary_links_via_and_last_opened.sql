ALTER TABLE `share_links` ADD `via` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE `share_links` ADD `last_opened_at` integer;