import { sweepDeck } from './support/sweep';

// Why: screenshots cost seconds each at 4K; the demo deck is photographed at the two everyday sizes.
sweepDeck('demo', 5000, ['1920x1080', '1080x1920']);
