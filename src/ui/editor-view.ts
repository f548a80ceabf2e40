import { Annotation, EditorSelection, EditorState, type Transaction } from '@codemirror/state';
import { EditorView, highlightSpecialChars, keymap, lineNumbers, type Command } from '@codemirror/view';
import { describeCharacter } from '../core/index.ts';
import { editorMarks } from './editor-marks.ts';
import type { EditKind } from './source-history.ts';
import { textChange } from './source-history.ts';
import { EDITOR_ID } from './text-focus.ts';

/**
 * Characters shown as a placeholder (•, named in its title as an error names it) rather than drawn: the ones the
 * compiler refuses (src/core/unicode/hidden.ts): bidirectional controls (U+202A–202E, U+2066–2069), zero-width and
 * other format characters (U+200B–200F, U+FEFF, all of Unicode's Cf), fillers and variation selectors, C0 and C1
 * controls other than the tab, lone surrogates. Drawn raw they would reorder or hide the text around them ("Trojan
 * Source"); shown, the reader sees where the error is.
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- the characters looked for, lone joiners and selectors too
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\p{Cf}\p{Cs}\u034f\u115f\u1160\u3164\uffa0\u2028\u2029\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

function placeholder(code: number): HTMLElement {
  const span = document.createElement('span');
  span.className = 'cm-specialChar';
  span.textContent = '\u2022';
  span.title = describeCharacter(code);
  span.setAttribute('aria-label', span.title);
  return span;
}

/** Marks the editor's transactions that only bring the store's source in: they are not the user's edit. */
const fromStore = Annotation.define<boolean>();

/** The selection moved to one end of the whole text (the DOM holds only the lines in view, so the browser cannot). */
const toEnd = (end: 'start' | 'end', extend: boolean): Command => (view) => {
  const head = end === 'start' ? 0 : view.state.doc.length;
  view.dispatch({ selection: EditorSelection.single(extend ? view.state.selection.main.anchor : head, head), scrollIntoView: true, userEvent: 'select' });
  return true;
};

const wholeText = keymap.of([
  { key: 'Mod-Home', run: toEnd('start', false), shift: toEnd('start', true) },
  { key: 'Mod-End', run: toEnd('end', false), shift: toEnd('end', true) },
  { key: 'Mod-a', run: (view) => (view.dispatch({ selection: { anchor: 0, head: view.state.doc.length }, userEvent: 'select' }), true) },
]);

/** A paste, drop or cut is an undo step of its own; everything else typed merges into a burst of typing. */
const kindOf = (trs: readonly Transaction[]): 'typing' | 'paste' =>
  trs.some((tr) => tr.isUserEvent('input.paste') || tr.isUserEvent('input.drop') || tr.isUserEvent('move.drop') || tr.isUserEvent('delete.cut')) ? 'paste' : 'typing';

/**
 * The formula editor: CodeMirror, which lays out only the lines in view (a textarea laid out all of a 25,000-line
 * formula, 1.1 s at each change). It has no history of its own: every edit goes to `onEdit`, and the app's
 * `SourceHistory` undoes it.
 */
export function createFormulaView(parent: HTMLElement, doc: string, onEdit: (text: string, kind: Exclude<EditKind, 'app'>) => void): EditorView {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightSpecialChars({ addSpecialChars: HIDDEN, render: placeholder }),
        wholeText,
        editorMarks,
        EditorView.contentAttributes.of({
          id: EDITOR_ID,
          'data-testid': 'editor.input',
          'aria-labelledby': `${EDITOR_ID}-label`,
          // Editable text is focusable anyway; said so, checkers see that the box around it can be scrolled by keyboard.
          tabindex: '0',
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
      ],
    }),
    dispatchTransactions(trs, view) {
      view.update(trs);
      if (trs.some((tr) => tr.docChanged && !tr.annotation(fromStore))) onEdit(view.state.doc.toString(), kindOf(trs));
    },
  });
  // For the browser tests: the whole text (the page holds only the lines in view).
  Object.defineProperty(view.contentDOM, 'editorText', { value: () => view.state.doc.toString() });
  return view;
}

/** Brings a text set elsewhere (undo, a value written into the formula, a link) in as one change, so caret and scroll stay. */
export function showText(view: EditorView, text: string): void {
  const before = view.state.doc.toString();
  if (before !== text) view.dispatch({ changes: textChange(before, text), annotations: fromStore.of(true) });
}
