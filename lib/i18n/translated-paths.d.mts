export declare const translatedComponents: string[];
export declare const translatedServerFolders: string[];
