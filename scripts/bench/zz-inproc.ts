import pg from "pg";
import { openDatabase } from "../../lib/db/open";
import { measureDbCeilings } from "./db-ceiling";
const url = "postgresql://postgres@127.0.0.1:5432/bench_engine";
const c = new pg.Client({ connectionString: url }); await c.connect(); await c.query("DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;"); await c.end();
const d = await openDatabase({ url, poolSize: 32 });
const r = await measureDbCeilings(d, 5);
console.log(JSON.stringify(r.map((x) => [x.name, x.grouped, Math.round(x.eventsPerS), x.p50.toFixed(1)])));
await d.close();
