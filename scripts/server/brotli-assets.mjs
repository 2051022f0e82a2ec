// Next's own server compresses with gzip only. The build's static assets are brotli-compressed once,
// at the highest quality, and served from here to browsers that accept it: about a fifth fewer bytes
// of JavaScript on a cold load than gzip, at no CPU cost per request.
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const TYPES = { ".js": "application/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
const MIN_BYTES = 1024;

function* filesUnder(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** Writes `<file>.br` beside every script and stylesheet under `staticDir` that brotli makes smaller. */
export async function compressStatic(staticDir) {
  const sources = [...filesUnder(staticDir)].filter((f) => TYPES[path.extname(f)] && statSync(f).size >= MIN_BYTES);
  let written = 0;
  await Promise.all(
    sources.map(async (file) => {
      const raw = await readFile(file);
      const compressed = await brotli(raw, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      });
      if (compressed.length >= raw.length) return;
      await writeFile(`${file}.br`, compressed);
      written++;
    }),
  );
  return written;
}

/**
 * The `.br` files under `staticDir`, by the URL path Next serves their source at. Built once at start,
 * so a request is a map lookup: no path from a request ever reaches the file system.
 */
export function brotliAssets(staticDir) {
  const assets = new Map();
  for (const file of filesUnder(staticDir)) {
    if (!file.endsWith(".br")) continue;
    const source = file.slice(0, -3);
    const type = TYPES[path.extname(source)];
    if (!type || !existsSync(source)) continue;
    const urlPath = `/_next/static/${path.relative(staticDir, source).split(path.sep).join("/")}`;
    assets.set(urlPath, { file, type, size: statSync(file).size });
  }
  return assets;
}

function acceptsBrotli(header) {
  return String(header ?? "")
    .split(",")
    .some((part) => {
      const [coding, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return coding.trim().toLowerCase() === "br" && (!q || Number(q.slice(2)) > 0);
    });
}

/** Answers the request from `assets` when it can and returns true; otherwise leaves it to Next. */
export function serveBrotli(assets, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const asset = assets.get((req.url ?? "").split("?")[0]);
  if (!asset || !acceptsBrotli(req.headers["accept-encoding"])) return false;
  res.writeHead(200, {
    "Content-Type": asset.type,
    "Content-Encoding": "br",
    "Content-Length": asset.size,
    "Cache-Control": "public, max-age=31536000, immutable",
    "Vary": "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(asset.file).on("error", () => res.destroy()).pipe(res);
  return true;
}
