import { readFileSync } from 'node:fs';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (exited, not yet reaped, e.g. in a container without an init) is gone for our purposes.
  return processState(pid) !== 'Z';
}

function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** The command line of a live process (Linux /proc), or undefined when unknown. */
export function processCommand(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/** Parent pid of a live process (Linux /proc), or undefined when unknown. */
export function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command: state, ppid, ...
    const afterCommand = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number.parseInt(afterCommand[1] ?? '', 10);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a live process is a Node.js program (node, or a launcher such as tsx): judged by the
 * executable's name, not by "node" appearing anywhere in its command line (every program started
 * from a node_modules folder has that).
 */
export function isNodeProcess(pid: number): boolean {
  const command = processCommand(pid);
  if (command === undefined) return false;
  const executable = command.split(' ')[0]?.split('/').at(-1) ?? '';
  return /^(node|nodejs|tsx)(\d+(\.\d+)*)?$/.test(executable);
}
