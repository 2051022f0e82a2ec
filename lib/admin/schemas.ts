import { z } from "zod";
import { brandingSchema } from "@/lib/branding/schema";

export const createPlatformSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  branding: brandingSchema.optional(),
});
