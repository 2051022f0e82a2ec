import { customerSteps } from "./steps/customers";
import { setupSteps } from "./steps/setup";
import { usageSteps } from "./steps/usage";
import { walletSteps } from "./steps/wallets";
import type { GuideStep } from "./run-guide";

/** Every API call of Credyt's integration guide, in the guide's order, with the outcome it documents. */
export const GUIDE_STEPS: GuideStep[] = [...setupSteps, ...customerSteps, ...usageSteps, ...walletSteps];
