import type { Metadata } from "next";
import { StandalonePage } from "@/components/portal/standalone-page";

export const metadata: Metadata = { title: "Signed out" };

export default function SignedOutPage() {
  return (
    <StandalonePage branding={null} title="You’re signed out">
      <p>Your billing session has ended. To see your balances again, open billing from the app you use.</p>
    </StandalonePage>
  );
}
