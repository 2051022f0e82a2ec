// Importing a module registers the job kinds it handles; the runner needs all of them loaded.
import "@/lib/domain/outbound-webhooks/deliver";
import "@/lib/kernel/rate-limit";
import "@/lib/domain/payments/job-handlers";
import "@/lib/domain/payments/reconcile/job";
import "@/lib/domain/grants/jobs";
import "@/lib/workflows/subscriptions/renewal-job";
