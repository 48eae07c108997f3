import { sweepDeck } from './support/sweep';

sweepDeck('demo', 5000);
