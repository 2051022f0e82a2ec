// Importing a module registers the job kinds it handles; the runner needs all of them loaded.
import "@/lib/webhooks/deliver";
import "@/lib/rate-limit";
import "@/lib/payments/job-handlers";
import "@/lib/payments/reconcile/job";
import "@/lib/grants/jobs";
import "@/lib/subscriptions/renewal-job";
