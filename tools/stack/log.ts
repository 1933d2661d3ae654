/** Plain, prefixed progress lines for the embedded-stack tools (the apps themselves log JSON via pino). */
export type StackLog = (message: string) => void;

export const stackLog =
  (prefix: string): StackLog =>
  (message) =>
    process.stderr.write(`[${prefix}] ${message}\n`);

export const quietLog: StackLog = () => undefined;
