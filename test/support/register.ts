import { vi } from "vitest";
import { registerHooks } from "@/lib/boot/hooks";
import { registerAllJobs } from "@/lib/boot/jobs";

// Each test file runs with what the server registers at start-up (lib/boot/start.ts): every job
// handler and the hooks of the layers above. Auto top-up's debit listener is left to the tests that use it.
registerAllJobs();
registerHooks();

// Route handlers that write words (CSV headers) read the reader's language through next-intl's server entry,
// which resolves only inside Next's react-server runtime. Tests call handlers directly, as a browser that asks
// for English would: the real English catalogue, through next-intl's own translator.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = (await import("@/messages/en.json")).default;
  return { getTranslations: async (namespace: "csv") => createTranslator({ locale: "en", messages, namespace }) };
});
