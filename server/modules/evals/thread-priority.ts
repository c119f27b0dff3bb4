/**
 * Lowers the CPU priority of the CALLING thread only (Linux: a thread is a task with its own id,
 * and setpriority on that id leaves the process's other threads alone). The bulk-job thread
 * calls it, so that when the cores are busy the kernel runs the thread that answers HTTP
 * requests first; with idle cores the bulk job still gets a whole core. Elsewhere (no
 * /proc/thread-self) it does nothing, and the jobs run at normal priority as before.
 */
import fs from 'node:fs';
import os from 'node:os';

/** 10 of 19: a niced task gets ~1/10 of the CPU of a normal one when both want it. */
export const BULK_THREAD_NICENESS = 10;

export function lowerThisThreadsPriority(niceness = BULK_THREAD_NICENESS): boolean {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
    os.setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}
