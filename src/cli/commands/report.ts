import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import {
  aggregateImpressions,
  filterImpressions,
  REPORT_BY,
  type ReportBy,
} from '../../core/proof/aggregateImpressions';
import { formatCsv, formatTable, reportTable } from '../../core/proof/formatReport';
import { isRealDate } from '../../core/playlist/fields';
import { platformPaths } from '../../host/paths';
import { proofOfPlayDir } from '../../host/proof/impressionLog';
import { readImpressionLogs } from '../../host/proof/readImpressionLogs';

const Day = (flag: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${flag} must be a date written YYYY-MM-DD, e.g. 2018-12-20`)
    .refine(isRealDate, `${flag} is not a real calendar date`);

const ReportOptions = z
  .strictObject({
    dir: z.string().min(1).optional(),
    from: Day('--from').optional(),
    to: Day('--to').optional(),
    by: z.enum(REPORT_BY as [ReportBy, ...ReportBy[]]),
    format: z.enum(['table', 'csv']),
    screen: z.string().min(1).optional(),
  })
  .refine((o) => o.from === undefined || o.to === undefined || o.from <= o.to, {
    message: '--from must not be after --to',
  });

/** Registers `marquee report`: proof of play (times and minutes on screen) per slide, sponsor or day. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'Proof of play: how many times and how many minutes each slide, sponsor or day was on screen, per day and screen.',
    )
    .option('--dir <dir>', `proof-of-play folder (default: ${proofOfPlayDir(platformPaths().state)})`)
    .option('--from <YYYY-MM-DD>', 'first day (event timezone), inclusive')
    .option('--to <YYYY-MM-DD>', 'last day (event timezone), inclusive')
    .addOption(new Option('--by <what>', 'group by').choices(REPORT_BY).default('sponsor'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv']).default('table'))
    .option('--screen <name>', 'only this screen')
    .action(async (raw: unknown) => {
      process.exitCode = await report(raw);
    });
}

async function report(raw: unknown): Promise<number> {
  const parsed = ReportOptions.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(`marquee report: ${parsed.error.issues.map((i) => i.message).join('; ')}\n`);
    return 2;
  }
  const options = parsed.data;
  const dir = options.dir ?? proofOfPlayDir(platformPaths().state);
  if (!existsSync(dir)) {
    process.stderr.write(
      `marquee report: no proof-of-play folder at ${dir} (the kiosk creates it when the first slide has played); pass --dir <folder>\n`,
    );
    return 2;
  }
  const range = {
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  const { records, warnings, files } = await readImpressionLogs(dir, range);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const chosen = filterImpressions(records, {
    ...range,
    ...(options.screen === undefined ? {} : { screen: options.screen }),
  });
  const rows = aggregateImpressions(chosen, options.by);
  if (options.format === 'csv') {
    process.stdout.write(formatCsv(rows, options.by));
    return 0;
  }
  const days = `${options.from ?? 'first day'} … ${options.to ?? 'last day'}`;
  const screens = options.screen === undefined ? 'all screens' : `screen ${options.screen}`;
  process.stdout.write(
    `Proof of play by ${options.by}, ${days}, ${screens}: ${chosen.length} impression${chosen.length === 1 ? '' : 's'} from ${files.length} file${files.length === 1 ? '' : 's'} in ${dir}\n\n`,
  );
  process.stdout.write(formatTable(reportTable(rows, options.by)));
  return 0;
}
