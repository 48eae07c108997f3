import { sweepDeck } from './support/sweep';

sweepDeck('stress', 1000);
