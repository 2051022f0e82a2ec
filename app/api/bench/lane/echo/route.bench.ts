// POST /api/bench/lane/echo – the same constant echo, served by the production server's API lane
// (scripts/server/api-lane.mjs) instead of Next.js: the lane's own ceiling.
export { POST } from "../../echo/route.bench";
