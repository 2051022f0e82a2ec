import { resetEnvCache } from "@/lib/kernel/env";

export const TEST_ADMIN_TOKEN = "operator-token-0123456789abcdef0123456789";

/** Runs `work` with BILLFOLD_ADMIN_TOKEN set, as an operator's server has it; unset again afterwards. */
export async function withAdminToken<T>(work: (token: string) => Promise<T>): Promise<T> {
  process.env.BILLFOLD_ADMIN_TOKEN = TEST_ADMIN_TOKEN;
  resetEnvCache();
  try {
    return await work(TEST_ADMIN_TOKEN);
  } finally {
    delete process.env.BILLFOLD_ADMIN_TOKEN;
    resetEnvCache();
  }
}
