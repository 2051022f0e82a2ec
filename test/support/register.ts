import { registerHooks } from "@/lib/boot/hooks";
import { registerAllJobs } from "@/lib/boot/jobs";

// Each test file runs with what the server registers at start-up (lib/boot/start.ts): every job
// handler and the hooks of the layers above. Auto top-up's debit listener is left to the tests that use it.
registerAllJobs();
registerHooks();
