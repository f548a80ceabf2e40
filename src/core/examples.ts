/** The lecture's worked examples, as a student would type them. The first is what the app opens with. */
export interface Example {
  readonly id: string;
  readonly title: string;
  readonly source: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'lecture-1',
    title: 'f = (x + y) z',
    source: '# CS231n lecture 4, example 1\nx = -2; y = 5; z = -4\nq = x + y\nf = q * z',
  },
  {
    id: 'lecture-2',
    title: 'A sigmoid neuron',
    source: '# example 2: f(w, x) = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))\nw0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\na = w0 * x0\nb = w1 * x1\ns = a + b\nt = s + w2\nu = -1 * t\nv = exp(u)\np = v + 1\nf = 1 / p',
  },
  {
    id: 'lecture-2-sigmoid',
    title: 'The same neuron with one σ gate',
    source: '# one σ gate instead of the last four: its local gradient is (1 - σ)σ\nw0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\nf = sigmoid(w0*x0 + w1*x1 + w2)',
  },
  {
    id: 'lecture-3',
    title: 'Patterns: add, max, mul',
    source: '# example 3: add distributes, max routes, mul switches\nx = 3; y = -4; z = 2; w = -1\nm = x * y\nr = max(z, w)\ns = m + r\nf = 2 * s',
  },
];

export const FIRST_EXAMPLE = EXAMPLES[0] as Example;
