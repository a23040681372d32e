ALTER TABLE "mail_message" ADD COLUMN "forget_recipient" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "reporter_erased_on" date;--> statement-breakpoint
ALTER TABLE "report" ADD COLUMN "evidence_erased_on" date;