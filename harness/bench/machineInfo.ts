import { arch, cpus, release, totalmem } from 'node:os';

/** The machine a report was measured on. */
export interface MachineInfo {
  cpuCount: number;
  cpuModel: string;
  totalMemoryBytes: number;
  nodeVersion: string;
  platform: string;
  arch: string;
  osRelease: string;
}

/** Describes this machine and the Node running the bench. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuCount: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: totalmem(),
    nodeVersion: process.version,
    platform: process.platform,
    arch: arch(),
    osRelease: release(),
  };
}
