export declare function recordServer(dataDir: string, url: string, pid: number): void;
export declare function forgetServer(dataDir: string): void;
export declare function runningServer(dataDir?: string): { url: string; pid: number } | null;
