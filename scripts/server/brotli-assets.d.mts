import type { IncomingMessage, ServerResponse } from "node:http";

export interface BrotliAsset {
  file: string;
  type: string;
  size: number;
}
export declare function compressStatic(staticDir: string): Promise<number>;
export declare function brotliAssets(staticDir: string): Map<string, BrotliAsset>;
export declare function serveBrotli(assets: Map<string, BrotliAsset>, req: IncomingMessage, res: ServerResponse): boolean;
