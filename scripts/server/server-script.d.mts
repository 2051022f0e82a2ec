export declare const serverScript: string;
