export declare const BUILD_SOURCES: string[];
export declare const BUILD_OUTPUTS: string[];
export declare function newestChange(paths: string[], base?: string): number;
export declare function upToDate(outputs: string[], sources: string[], base?: string): boolean;
export declare function buildIfChanged(): Promise<boolean>;
export declare function sampleCache(): { file: string; fresh: boolean };
export declare function compilePreview(options?: { ifChanged?: boolean }): Promise<string>;
