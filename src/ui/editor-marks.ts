import { RangeSet, StateEffect, StateField, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutterLineClass, WidgetType, type DecorationSet } from '@codemirror/view';
import type { TextRange } from './gate-range.ts';

/** The one range the editor marks: the current step's gate, or the formula's error. */
export interface EditorMark {
  readonly range: TextRange;
  readonly kind: 'gate' | 'error';
}

export const setMark = StateEffect.define<EditorMark | null>();

const markDecorations = {
  gate: Decoration.mark({ class: 'gate-mark', attributes: { 'data-testid': 'editor.gate-mark' } }),
  error: Decoration.mark({ class: 'error-mark', attributes: { 'data-testid': 'editor.error-mark' } }),
};

/** An empty range (an error at the end of the text: "expected an operand") is marked as one space, so it shows. */
class EmptyMark extends WidgetType {
  constructor(readonly kind: EditorMark['kind']) {
    super();
  }

  override eq(other: EmptyMark): boolean {
    return other.kind === this.kind;
  }

  toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = `${this.kind}-mark`;
    span.dataset.testid = `editor.${this.kind}-mark`;
    span.textContent = ' ';
    return span;
  }
}

class ErrorLine extends GutterMarker {
  override elementClass = 'error-line';
}
const errorLine = new ErrorLine();

interface Marks {
  readonly mark: EditorMark | null;
  readonly decorations: DecorationSet;
  readonly lines: RangeSet<GutterMarker>;
}

const NONE: Marks = { mark: null, decorations: Decoration.none, lines: RangeSet.empty };

function marksFor(state: EditorState, mark: EditorMark | null): Marks {
  if (!mark) return NONE;
  const length = state.doc.length;
  const start = Math.min(Math.max(0, mark.range.start), length);
  const end = Math.min(Math.max(start, mark.range.end), length);
  const decoration = start === end ? Decoration.widget({ widget: new EmptyMark(mark.kind), side: 1 }).range(start) : markDecorations[mark.kind].range(start, end);
  const lines = mark.kind === 'error' ? RangeSet.of([errorLine.range(state.doc.lineAt(start).from)]) : RangeSet.empty;
  return { mark, decorations: Decoration.set([decoration]), lines };
}

/** The marked range, kept in place through the user's typing until the app sets a new one. */
const marks = StateField.define<Marks>({
  create: () => NONE,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setMark)) return marksFor(tr.state, effect.value);
    if (!tr.docChanged) return value;
    return { mark: value.mark, decorations: value.decorations.map(tr.changes), lines: value.lines.map(tr.changes) };
  },
  provide: (field) => [EditorView.decorations.from(field, (m) => m.decorations), gutterLineClass.from(field, (m) => m.lines)],
});

/** The marks, and the editable element said to be invalid (with the message that says why) while it shows an error. */
export const editorMarks = [
  marks,
  EditorView.contentAttributes.compute([marks], (state): Record<string, string> => (state.field(marks).mark?.kind === 'error' ? { 'aria-invalid': 'true', 'aria-describedby': 'formula-error' } : {})),
];
