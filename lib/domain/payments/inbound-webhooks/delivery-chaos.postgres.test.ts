import { onlyDatabase } from "@/lib/testing/databases";
import { webhookChaosSuite } from "@/lib/testing/webhook-chaos";

webhookChaosSuite(onlyDatabase("postgres"));
