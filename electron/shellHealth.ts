// What the Electron shell adds to health, as plain functions of what Electron reports (no runtime import of electron).
import type {
  Details as ChildProcessGoneDetails,
  GPUFeatureStatus,
  RenderProcessGoneDetails,
} from 'electron';
import type { ShowMonitorOptions } from '../src/host/health/showMonitor';
import { assertNever } from '../src/core/assertNever';

/** The Electron section of health: displays (and which carry this screen) and the GPU feature status. */
export type ShellHealth = ReturnType<NonNullable<ShowMonitorOptions['electron']>>;

/** The part of an Electron `Display` health reports. */
export type DisplayFacts = Readonly<{
  id: number;
  label: string;
  bounds: Readonly<{ width: number; height: number }>;
}>;

/** Health's display list and GPU status from `screen.getAllDisplays()`, the displays with a kiosk window, and `app.getGPUFeatureStatus()`. */
export function shellHealth(
  displays: readonly DisplayFacts[],
  windowDisplays: readonly number[],
  screen: string,
  gpu: GPUFeatureStatus,
): ShellHealth {
  return {
    displays: displays.map((d) => ({
      id: d.id,
      label: d.label,
      width: d.bounds.width,
      height: d.bounds.height,
      screen: windowDisplays.includes(d.id) ? screen : null,
    })),
    gpu: gpuStatus(gpu),
  };
}

/** The GPU feature status as plain text values (Electron documents them all as strings; anything else is left out). */
export function gpuStatus(gpu: GPUFeatureStatus): Record<string, string> {
  return Object.fromEntries(
    Object.entries(gpu).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The problem a person should see when the GPU status says the show is drawn without the GPU although
 * hardware acceleration is on (a driver or blocklist problem); null when all is as configured.
 */
export function gpuProblem(gpu: GPUFeatureStatus, hardwareAcceleration: boolean): string | null {
  if (!hardwareAcceleration) return null;
  const compositing = gpuStatus(gpu).gpu_compositing;
  if (compositing === undefined || compositing.startsWith('enabled')) return null;
  return `GPU compositing is ${compositing}: the show is drawn in software and transitions may stutter; check the graphics driver (chrome://gpu) or set hardwareAcceleration to false`;
}

/** The message for a kiosk page whose renderer process is gone (`render-process-gone`). */
export function pageGoneMessage(displayId: number, details: RenderProcessGoneDetails): string {
  return `the kiosk page on display ${displayId} ${pageGoneVerb(details.reason)} (exit code ${details.exitCode}): reloading it on the same slide`;
}

function pageGoneVerb(reason: RenderProcessGoneDetails['reason']): string {
  switch (reason) {
    case 'crashed':
      return 'crashed';
    case 'oom':
      return 'ran out of memory';
    case 'killed':
      return 'was killed';
    case 'clean-exit':
    case 'abnormal-exit':
    case 'launch-failed':
    case 'integrity-failure':
    case 'memory-eviction':
      return `stopped (${reason})`;
    default:
      return assertNever(reason);
  }
}

/** What the shell does when a helper process is gone (`child-process-gone`). */
export type ChildGoneVerdict = Readonly<{
  /** Reload the kiosk pages (they drew through the GPU process that died). */
  reloadPages: boolean;
  /** The message for health's `lastError`; null: only logged (an ordinary exit). */
  problem: string | null;
}>;

/** Decides about a helper process that is gone: a GPU process that did not exit cleanly reloads the pages; any crash is a problem. */
export function childGoneVerdict(details: ChildProcessGoneDetails): ChildGoneVerdict {
  const gpu = details.type === 'GPU';
  const normal = details.reason === 'clean-exit' || (!gpu && details.reason === 'killed');
  if (normal) return { reloadPages: false, problem: null };
  const name = gpu ? 'the GPU process' : `the ${details.name ?? details.type} helper process`;
  return {
    reloadPages: gpu,
    problem: `${name} died (${details.reason}, exit code ${details.exitCode})${gpu ? ': reloading the kiosk pages' : ''}`,
  };
}
