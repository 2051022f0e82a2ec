import { apiRoute } from "@/lib/http/handler";
import { NotFoundError } from "@/lib/kernel/errors";

// Any other /api/v1 path – authenticated like the rest, then a problem+json 404 instead of an HTML page
const notFound = apiRoute({}, async () => {
  throw new NotFoundError("Resource");
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
