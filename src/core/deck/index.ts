export { parseDeck, MAX_SLIDES, type Deck, type DeckResult, type Slide, type SlideView } from './deck.ts';
export { builtInDeck, LECTURE_DECK } from './lecture-deck.ts';
export { deckFileText, parseDeckFile, DECK_FORMAT, DECK_VERSION, MAX_DECK_FILE_BYTES } from './deck-file.ts';
