// The part of unzipper's API pace uses (no published types for 0.10): a zip's central directory.
declare module 'unzipper' {
  export interface CentralDirectoryFile {
    readonly path: string;
    readonly offsetToLocalFileHeader: number;
  }
  export const Open: {
    file(path: string): Promise<{ readonly files: readonly CentralDirectoryFile[] }>;
  };
}
