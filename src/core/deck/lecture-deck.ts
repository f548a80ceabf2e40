import { EXAMPLES } from '../examples.ts';
import type { Deck, Slide } from './deck.ts';

const example = (id: string): string => {
  const found = EXAMPLES.find((e) => e.id === id);
  if (!found) throw new Error(`lecture deck: no example ${id}`);
  return found.source;
};

/** CS231n lecture 4, in the order it is taught, one circuit a slide. Vector slides use tensor wires. */
const SLIDES: readonly Slide[] = [
  {
    title: 'Numerical vs analytic gradient',
    source: example('lecture-1'),
    notice: 'The numerical gradient nudges each input by ±h and runs the circuit twice per input: easy, slow, approximate. The analytic gradient is one backward pass, exact. Check one against the other.',
    notes: 'Open with the gradient check below the circuit: both columns agree to about 1e-10. Point at the times: two forward passes per input against one backward pass for all of them. In practice: derive the analytic gradient, then always run a gradient check.',
    view: { check: true },
  },
  {
    title: 'f = (x + y) z',
    source: example('lecture-1'),
    notice: 'Forward: each wire’s value above it. Backward: its gradient below it (marked ∂), starting from 1 at f.',
    notes: 'Ask before each backward step: what does the * gate send to q? (z = -4). And to x? (-4 · 1). Each gate only knows its inputs, its output and its local gradient.',
  },
  {
    title: 'A sigmoid neuron, gate by gate',
    source: example('lecture-2'),
    notice: 'Eight gates; each backward step is local gradient × upstream gradient.',
    notes: 'Walk the backward pass right to left: 1/x gives -1/x², +1 passes the gradient through, exp multiplies by e^x, *-1 flips the sign. The input gradients: w0 -0.20, x0 0.39, w1 -0.39, x1 -0.59, w2 0.20.',
  },
  {
    title: 'The same neuron with one σ gate',
    source: example('lecture-2-sigmoid'),
    notice: 'Any differentiable piece can be one gate if its local gradient is known: σ′(x) = (1 − σ(x)) σ(x).',
    notes: '(1 − 0.73) · 0.73 = 0.20: the same number the four gates gave, in one step. Click the σ gate to expand it into its four gates, and again to group them.',
  },
  {
    title: 'Patterns in backward flow',
    source: example('lecture-3'),
    notice: 'add distributes the gradient, max routes it to the larger input, mul switches: each input gets the other one times the upstream gradient.',
    notes: 'At the max gate ask: which of z and w gets the gradient? z (2 > -1) gets all of it, w gets 0. At the mul: dx = y · 2 = -8, dy = x · 2 = 6.',
  },
  {
    title: 'Gradients add at branches',
    source: '# x and y each feed two gates: their gradients add up\nx = 3; y = -2\na = x * y\nb = x + y\nf = a * b',
    notice: 'A wire that feeds two gates gets the sum of the gradients both send back.',
    notes: 'Watch x: the first contribution arrives from the + gate, the second from the * gate; the label shows the partial sum, then the total. The multivariable chain rule says exactly this.',
  },
  {
    title: 'The forward / backward API',
    source: example('lecture-1'),
    notice: 'A graph runs forward() over its gates in order and backward() in reverse. A gate is two small functions: its forward caches what its backward needs.',
    notes: 'The code beside the circuit is the current gate’s forward and backward with today’s numbers. The multiply gate: forward z = x·y keeps x and y; backward dx = y·dz, dy = x·dz.',
    view: { code: true },
  },
  {
    title: 'Vectorized: f(x, W) = ‖W·x‖²',
    source: example('vector-norm'),
    notice: 'Vectors and matrices on the wires. A gradient always has the shape of the variable it is taken for: ∂f/∂W is 2×2, ∂f/∂x is a 2-vector.',
    notes: '∂f/∂q = 2q = [0.44, 0.52]; ∂f/∂W = ∂f/∂q · xᵀ; ∂f/∂x = Wᵀ · ∂f/∂q = [-0.112, 0.636]. Press j on a gate for its Jacobian.',
  },
  {
    title: 'max(0, x) on a 4096-d vector',
    source: example('relu-4096'),
    notice: 'What is the size of the Jacobian of this gate? 4096 × 4096, and diagonal: nobody forms it.',
    notes: 'Pause on the max gate and ask the question. The backward pass multiplies the upstream gradient by the mask 1[x > 0], a vector-Jacobian product. With a minibatch of 100 the Jacobian would be 409,600 × 409,600.',
  },
  {
    title: 'A staged SVM loss',
    source: example('svm-loss'),
    notice: 'Stage the forward pass (scores, margins, data loss, reg loss, loss); the backward pass mirrors it in reverse, one stage at a time.',
    notes: 'This is the assignment. dscores is 1[m_j > 0] for j ≠ y and minus their count at y; dW = dscores · xᵀ plus 2λW from the regularization.',
  },
  {
    title: 'A neuron: σ(w·x + b)',
    source: '# the sigmoid neuron again, with vectors: the same numbers as gate by gate\nw = [2, -3]\nx = [-1, -2]\nb = -3\nf = sigmoid(dot(w, x) + b)',
    notice: 'The neuron of slide 3 as one dot product, one add and one σ: the same numbers, three gates.',
    notes: 'Compare with slide 3: ∂f/∂w = [-0.20, -0.39], ∂f/∂x = [0.39, -0.59], ∂f/∂b = 0.20.',
  },
  {
    title: 'A 2-layer network',
    source: example('two-layer-net'),
    notice: 'f = W2 max(0, W1 x) with a softmax loss: a neural network is a circuit like any other.',
    notes: 'The backward pass through softmax and −log gives p − onehot(y) on the scores. Turn on "As scalars" to see every multiply and add, then off again.',
  },
  {
    title: 'The 11-line network',
    source: example('eleven-line-net'),
    notice: 'The lecture’s 3-4-1 sigmoid network on its batch of four examples: the gradients here are exactly what its 11 lines of NumPy compute.',
    notes: 'l2_delta and l1_delta in the NumPy code are these backward steps. syn1 += l1ᵀ · l2_delta is a gradient step with learning rate 1 on L = ½ Σ (y − l2)². Press Run in the Train panel: 1,000 iterations take the loss below 0.01; the heatmap shows the network learning the pattern.',
    view: { train: true },
  },
];

export const LECTURE_DECK: Deck = { title: 'CS231n lecture 4: backpropagation', slides: SLIDES };

const BUILT_IN: ReadonlyMap<string, Deck> = new Map([['lecture', LECTURE_DECK]]);

/** A built-in deck by the name a link uses (`deck=lecture`). */
export const builtInDeck = (name: string): Deck | undefined => BUILT_IN.get(name);
