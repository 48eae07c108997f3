import type { Details, GPUFeatureStatus } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  childGoneVerdict,
  gpuProblem,
  gpuStatus,
  pageGoneMessage,
  shellHealth,
} from '../../electron/shellHealth';

const ALL_ENABLED: GPUFeatureStatus = {
  '2d_canvas': 'enabled',
  flash_3d: 'enabled',
  flash_stage3d: 'enabled',
  flash_stage3d_baseline: 'enabled',
  gpu_compositing: 'enabled',
  multiple_raster_threads: 'enabled_on',
  native_gpu_memory_buffers: 'disabled_software',
  rasterization: 'enabled',
  video_decode: 'enabled',
  video_encode: 'enabled',
  vpx_decode: 'enabled',
  webgl: 'enabled',
  webgl2: 'enabled',
};

function gone(details: Partial<Details> & Pick<Details, 'type' | 'reason'>): Details {
  return { exitCode: 1, ...details };
}

describe('shellHealth', () => {
  it('lists every display with its size and names the screen only where a kiosk window is', () => {
    const health = shellHealth(
      [
        { id: 3, label: 'HDMI-1', bounds: { width: 3840, height: 2160 } },
        { id: 4, label: '', bounds: { width: 1080, height: 1920 } },
      ],
      [4],
      'hall-a',
      ALL_ENABLED,
    );
    expect(health.displays).toEqual([
      { id: 3, label: 'HDMI-1', width: 3840, height: 2160, screen: null },
      { id: 4, label: '', width: 1080, height: 1920, screen: 'hall-a' },
    ]);
    expect(health.gpu).toEqual({ ...ALL_ENABLED });
  });

  it('keeps only text values of the GPU status', () => {
    const odd = { ...ALL_ENABLED, extra: 3 } as unknown as GPUFeatureStatus;
    expect(gpuStatus(odd)).not.toHaveProperty('extra');
    expect(gpuStatus(odd).webgl).toBe('enabled');
  });
});

describe('gpuProblem', () => {
  it('says nothing while the GPU composites', () => {
    expect(gpuProblem(ALL_ENABLED, true)).toBeNull();
  });

  it('names software drawing and the fix when acceleration is on but the GPU is not used', () => {
    const problem = gpuProblem({ ...ALL_ENABLED, gpu_compositing: 'disabled_software' }, true);
    expect(problem).toMatch(/^GPU compositing is disabled_software: the show is drawn in software/);
    expect(problem).toContain('hardwareAcceleration');
  });

  it('says nothing when hardware acceleration was turned off on purpose', () => {
    expect(gpuProblem({ ...ALL_ENABLED, gpu_compositing: 'disabled_software' }, false)).toBeNull();
  });
});

describe('pageGoneMessage', () => {
  it('names the display, what happened and the exit code', () => {
    expect(pageGoneMessage(9, { reason: 'oom', exitCode: 0 })).toBe(
      'the kiosk page on display 9 ran out of memory (exit code 0): reloading it on the same slide',
    );
    expect(pageGoneMessage(2, { reason: 'launch-failed', exitCode: 1003 })).toContain(
      'stopped (launch-failed) (exit code 1003)',
    );
  });
});

describe('childGoneVerdict', () => {
  it('reloads the pages and reports a problem when the GPU process crashes or is killed', () => {
    for (const reason of ['crashed', 'killed', 'oom'] as const) {
      const verdict = childGoneVerdict(gone({ type: 'GPU', reason }));
      expect(verdict.reloadPages).toBe(true);
      expect(verdict.problem).toMatch(new RegExp(`^the GPU process died \\(${reason}, exit code 1\\)`));
    }
  });

  it('only logs a helper that exits cleanly or is killed (Chromium ends idle helpers)', () => {
    expect(childGoneVerdict(gone({ type: 'GPU', reason: 'clean-exit' }))).toEqual({
      reloadPages: false,
      problem: null,
    });
    expect(childGoneVerdict(gone({ type: 'Utility', reason: 'killed', name: 'Audio Service' }))).toEqual({
      reloadPages: false,
      problem: null,
    });
  });

  it('reports a crashed helper by name without reloading the pages', () => {
    expect(childGoneVerdict(gone({ type: 'Utility', reason: 'crashed', name: 'Network Service' }))).toEqual({
      reloadPages: false,
      problem: 'the Network Service helper process died (crashed, exit code 1)',
    });
  });
});
