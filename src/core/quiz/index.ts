export { closeEnough, judge, parseGuess, parseNumberGuess, parseShapeGuess, MAX_GUESS_LENGTH, TOLERANCE, TOLERANCE_TEXT, type ParsedGuess, type QuizKind, type Verdict } from './guess.ts';
export { questionAt, type Question, type QuizHides } from './question.ts';
