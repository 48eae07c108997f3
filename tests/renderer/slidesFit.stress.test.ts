import { SIZES } from './support/harness';
import { sweepDeck } from './support/sweep';

// Why: the stress deck has every slide type, so its screenshots at all four sizes show them all.
sweepDeck(
  'stress',
  1000,
  SIZES.map((s) => s.name),
);
