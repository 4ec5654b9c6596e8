/**
 * What only the desktop shell can do (native dialogs). The Electron shell provides it; the HTTP host
 * and the CLI have none, and calls that need it say so in Chinese.
 */
export interface PlatformDialogs {
  chooseFolder(title: string, defaultPath?: string): Promise<string | null>;
  chooseFiles(title: string, filters: { name: string; extensions: string[] }[]): Promise<string[]>;
  saveFile(
    title: string,
    defaultPath: string,
    filters: { name: string; extensions: string[] }[],
  ): Promise<string | null>;
  /** Opens the system file manager with the file selected. */
  revealInFolder(path: string): void;
  /** Prints the window's current page (the print preview, with its print CSS) through the system dialog. */
  printWindow(): Promise<boolean>;
  /** Renders the window's current page to PDF bytes (A4, print CSS). */
  printWindowToPdf(landscape: boolean): Promise<Buffer>;
}
