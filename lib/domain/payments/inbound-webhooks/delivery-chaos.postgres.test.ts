import { onlyDatabase } from "@/test/support/databases";
import { webhookChaosSuite } from "@/test/support/webhook-chaos";

webhookChaosSuite(onlyDatabase("postgres"));
