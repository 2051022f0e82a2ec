import { testDatabases } from "@/lib/testing/databases";
import { webhookChaosSuite } from "@/lib/testing/webhook-chaos";

webhookChaosSuite(testDatabases().filter((d) => d.name === "pglite"));
