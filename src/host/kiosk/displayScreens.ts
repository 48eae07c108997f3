import { z } from 'zod';
import { FleetName } from '../../core/channels/fleetTopics';
import {
  type DisplayInfo,
  type DisplaySelection,
  formatDisplaySelection,
  orderDisplays,
  targetDisplays,
} from './displayPlan';

// Which screen each display of the kiosk plays (the `displays` setting, docs/fleet.md): pure, tested in Node.

/** One screen of the show as the fleet and the playlist's `on` know it: its name and its groups. */
export type ScreenIdentity = Readonly<{ screen: string; groups: readonly string[] }>;

/** The `displays` setting: display number (1 = the leftmost) → the screen that display plays. */
export const DisplaysSetting = z
  .record(
    z.string(),
    z.strictObject({
      screen: FleetName.describe(
        'Name of the screen this display plays (fleet topics, remote, proof of play).',
      ),
      groups: z.array(FleetName).optional().describe('Fleet groups of that screen. Default none.'),
      passwordFile: z
        .string()
        .min(1)
        .optional()
        .describe(
          "That screen's broker password file, when the fleet logs in with a username (it logs in as its screen name); relative to the config file.",
        ),
    }),
  )
  .superRefine((entries, ctx) => {
    const seen = new Map<string, string>();
    for (const [display, entry] of Object.entries(entries)) {
      if (!/^[1-9]\d{0,2}$/.test(display)) {
        ctx.addIssue({
          code: 'custom',
          path: [display],
          message: `"${display}" is not a display number: count the displays from the left, from "1", e.g. "2"`,
        });
        continue;
      }
      const earlier = seen.get(entry.screen);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [display, 'screen'],
          message: `"${entry.screen}" is already the screen of display ${earlier}: every display needs its own screen name`,
        });
      }
      seen.set(entry.screen, display);
    }
  });

/** The `displays` setting, validated: display number → screen. */
export type DisplaysSetting = Readonly<
  Record<
    string,
    Readonly<{ screen: string; groups?: readonly string[] | undefined; passwordFile?: string | undefined }>
  >
>;

/** What a display plays: the display, its number from the left, and the screen. */
export type DisplayAssignment = Readonly<{ displayId: number; number: number; screen: string }>;

/** The screens a kiosk runs and where, with the entries of `displays` that cannot play. */
export type DisplayScreenPlan = Readonly<{
  /** The screens to run, in the order of their first display; the first is the show's main player. */
  screens: readonly ScreenIdentity[];
  /** What each display that gets a window plays. */
  assignments: readonly DisplayAssignment[];
  /** An entry of `displays` whose display is not there or not used, in words that name the fix. */
  problems: readonly string[];
}>;

/** Inputs of the plan: the connected displays, the `display` selection, and the screens configured. */
export type DisplayScreenInputs = Readonly<{
  displays: readonly DisplayInfo[];
  selection: DisplaySelection;
  primaryId: number;
  /** The machine's own screen (`screen`, `groups`): what a display without an entry plays. */
  main: ScreenIdentity;
  mapping: DisplaysSetting;
}>;

/**
 * What each display that gets a kiosk window plays: the screen of its `displays` entry when that screen is
 * running (all are, when `running` is omitted), else the machine's own screen when it runs, else the first
 * running screen, so a display is never left without a picture.
 */
export function assignScreens(
  inputs: DisplayScreenInputs,
  running?: readonly string[],
): readonly DisplayAssignment[] {
  const ordered = orderDisplays(inputs.displays);
  const runs = (name: string): boolean => running === undefined || running.includes(name);
  const fallback = runs(inputs.main.screen) ? inputs.main.screen : (running?.[0] ?? inputs.main.screen);
  return targetDisplays(inputs.displays, inputs.selection, inputs.primaryId).map((display) => {
    const number = ordered.findIndex((d) => d.id === display.id) + 1;
    const entry = inputs.mapping[String(number)];
    return {
      displayId: display.id,
      number,
      screen: entry !== undefined && runs(entry.screen) ? entry.screen : fallback,
    };
  });
}

/**
 * The screens a kiosk runs at start: one per distinct screen its displays play (the machine's own screen only
 * when some display shows it, or when no display is connected), and a problem for every `displays` entry whose
 * display is not connected or not selected; those screens do not run, the other displays still play.
 */
export function planDisplayScreens(inputs: DisplayScreenInputs): DisplayScreenPlan {
  const assignments = assignScreens(inputs);
  const identity = (name: string): ScreenIdentity => {
    if (name === inputs.main.screen) return inputs.main;
    const entry = Object.values(inputs.mapping).find((e) => e.screen === name);
    return { screen: name, groups: entry?.groups ?? [] };
  };
  const names = [...new Set(assignments.map((a) => a.screen))];
  const screens = names.length === 0 ? [inputs.main] : names.map(identity);
  const connected = inputs.displays.length;
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(inputs.mapping)) {
    const number = Number(key);
    if (assignments.some((a) => a.number === number)) continue;
    problems.push(
      number > connected
        ? `displays."${key}": there is no display ${key} (${connected} connected, numbered from the left): screen "${entry.screen}" does not play; connect the display and restart Marquee, or remove the entry`
        : `displays."${key}": display ${key} gets no window (display is "${formatDisplaySelection(inputs.selection)}"): screen "${entry.screen}" does not play; set display to "all" to use it`,
    );
  }
  return { screens, assignments, problems };
}
