import type { IncomingMessage, ServerResponse } from "node:http";

export interface RouteNode {
  statics: Map<string, RouteNode>;
  param: { name: string; node: RouteNode } | null;
  file: string | null;
}
export declare function routeTree(root: string): RouteNode;
export declare function findRoute(tree: RouteNode, pathname: string): { file: string; params: Record<string, string> } | null;
export declare function apiLane(root: string): Promise<(req: IncomingMessage, res: ServerResponse) => boolean>;
export declare function toRequest(req: IncomingMessage, origin: string): Request;
export declare function send(res: ServerResponse, response: Response, head: boolean): Promise<void>;
