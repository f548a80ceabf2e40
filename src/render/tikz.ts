import type { Circuit } from '../core/index.ts';
import type { Point } from '../layout/index.ts';
import { buildScene, type Scene, type SceneNode } from './scene.ts';
import { latexText } from './tikz-escape.ts';

/**
 * The numbers to write on each wire, by node index: text above the wire (its value) and below it (its gradient).
 * `wireLabels` (labels.ts) gives them for any step; finalTikzLabels for the end, tensors written out.
 */
export interface TikzLabels {
  readonly value?: readonly (string | undefined)[];
  readonly grad?: readonly (string | undefined)[];
}

/** Scene units are pixels at zoom 1; 40 of them to the centimetre makes a gate 1 cm across, as on a slide. */
const CM_PER_UNIT = 1 / 40;

const cm = (v: number) => {
  const s = (v * CM_PER_UNIT).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
};
/** TikZ's y axis points up, the scene's down. */
const at = (p: Point) => `(${cm(p.x)}, ${cm(-p.y)})`;

const STYLES = [
  'x=1cm, y=1cm, font=\\sffamily\\small',
  'gate/.style={draw, circle, inner sep=0pt, minimum size=#1}',
  'box/.style={draw, rounded corners=3pt, inner sep=1pt, minimum height=1cm, minimum width=#1}',
  'terminal/.style={inner sep=1pt}',
  'wire/.style={draw, semithick}',
  'tensor wire/.style={draw, very thick}',
  'name/.style={gray, anchor=south west, inner sep=1pt, font=\\sffamily\\scriptsize}',
  'tag/.style={gray, fill=white, inner sep=1pt, font=\\sffamily\\tiny}',
  'value/.style={color={rgb,255:red,10;green,90;blue,168}, anchor=south east, inner sep=2pt, font=\\sffamily\\footnotesize}',
  'grad/.style={color={rgb,255:red,176;green,58;blue,0}, anchor=north east, inner sep=2pt, font=\\sffamily\\itshape\\footnotesize}',
];

function nodeLine(n: SceneNode): string {
  const style = n.shape === 'circle' ? `gate=${cm(n.width)}cm` : n.shape === 'box' ? `box=${cm(n.width)}cm` : 'terminal';
  return `  \\node[${style}] (n${n.index}) at ${at(n)} {${latexText(n.label)}};`;
}

/**
 * The circuit as a standalone `tikzpicture` for lecture notes, placed where the app's layout places it (buildScene),
 * in centimetres: gates as circles or rounded boxes, inputs and constants as their names, each wire from its node's
 * stub to the gate reading it. With `labels`, the numbers of whichever step they were taken at: values above the
 * wires in the light theme's blue, gradients below in its vermilion (finalTikzLabels gives the end of the backward pass). Needs only TikZ.
 * `scene` is the circuit's layout when it is already made (the one on screen).
 */
export function circuitTikz(circuit: Circuit, labels: TikzLabels = {}, scene: Scene = buildScene(circuit)): string {
  const lines = [
    '% The circuit, drawn from the app\'s layout; values above the wires (blue), gradients below (vermilion, italic).',
    `\\begin{tikzpicture}[${STYLES.join(',\n    ')}]`,
  ];
  for (const n of scene.nodes) lines.push(nodeLine(n));
  for (const n of scene.nodes) {
    const wire = n.tensor ? 'tensor wire' : 'wire';
    lines.push(`  \\draw[${wire}] (n${n.index}.east) -- ${at(n.stubEnd)};`);
    if (n.tensor) lines.push(`  \\node[tag] at ${at({ x: n.tensor.tagX, y: n.y })} {${latexText(n.tensor.tag)}};`);
    // A tensor wire's name sits higher, above its shape tag, as the app draws it.
    const name = n.tensor ? { x: n.tensor.nameX, y: n.tensor.nameY } : { x: n.stubStart.x + 2, y: n.y };
    if (n.wireName) lines.push(`  \\node[name] at ${at(name)} {${latexText(n.wireName)}};`);
    // NOTE: wireLabels gives a tensor wire a fingerprint of its numbers (`#4:1x2y`), not text to print: skip it.
    const printable = (text: string | undefined) => (text && !(n.tensor && text.startsWith('#')) ? text : undefined);
    const value = printable(labels.value?.[n.index]);
    const grad = printable(labels.grad?.[n.index]);
    if (value) lines.push(`  \\node[value] at ${at(n.stubEnd)} {${latexText(value)}};`);
    if (grad) lines.push(`  \\node[grad] at ${at(n.stubEnd)} {${latexText(grad)}};`);
  }
  for (const e of scene.edges) {
    const wire = circuit.nodes[e.source]?.shape.length ? 'tensor wire' : 'wire';
    lines.push(`  \\draw[${wire}] ${e.points.map(at).join(' -- ')};`);
  }
  lines.push('\\end{tikzpicture}');
  return `${lines.join('\n')}\n`;
}
