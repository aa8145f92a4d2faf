import { readFileSync } from 'node:fs';

/** /proc counts CPU time in ticks of 1/100 s (USER_HZ). */
const TICK = 100;

/** CPU time (user + system) a process has used so far, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICK;
}

/** CPU time every core of the machine has spent busy (neither idle nor waiting for I/O) so far, in seconds. */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / TICK;
}

export interface CpuShares {
  /** Cores busy on average: the server process, this (load generator) process, and the whole machine. */
  serverCores: number;
  generatorCores: number;
  machineCores: number;
}

/** Starts measuring; the returned function gives the average cores each party used since. */
export function cpuMeter(serverPid: number): () => CpuShares {
  const started = performance.now();
  const server = cpuSeconds(serverPid);
  const generator = process.cpuUsage();
  const machine = machineBusySeconds();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const own = process.cpuUsage(generator);
    const cores = (value: number) => Math.round((value / seconds) * 100) / 100;
    return {
      serverCores: cores(cpuSeconds(serverPid) - server),
      generatorCores: cores((own.user + own.system) / 1e6),
      machineCores: cores(machineBusySeconds() - machine),
    };
  };
}
