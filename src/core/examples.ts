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
  {
    id: 'vector-norm',
    title: 'Vectorized: f(x, W) = ‖W·x‖²',
    source: '# example 4: a gradient has the shape of its variable\nW = [[0.1, 0.5],\n     [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)',
  },
  {
    id: 'relu-4096',
    title: 'max(0, x) on a 4096-d vector',
    source: '# example 5: what is the size of the Jacobian of max(0, x)? (4096×4096, diagonal)\nx = randn(4096)\nh = max(0, x)\nf = sum(h)',
  },
  {
    id: 'svm-loss',
    title: 'A staged SVM loss',
    source: [
      '# example 6: the multiclass SVM loss on one example, staged (correct class y = 2)',
      'W = [[0.2, -0.5, 0.1],',
      '     [1.5, 1.3, 2.1],',
      '     [0, 0.25, 0.2]]',
      'x = [-1.5, 2.0, 0.5]',
      'scores = W @ x',
      'margins = max(0, scores - scores[2] + 1)',
      'data_loss = sum(margins) - 1    # the j = y term is always 1',
      'reg_loss = 0.1 * sum(W * W)',
      'loss = data_loss + reg_loss',
    ].join('\n'),
  },
  {
    id: 'two-layer-net',
    title: 'A 2-layer net with a softmax loss',
    source: [
      '# example 7: f = W2 max(0, W1 x), then a softmax loss for class 0',
      'x = [0.5, -1.2, 0.8]',
      'W1 = [[0.2, -0.4, 0.7],',
      '      [-0.5, 0.3, 0.1],',
      '      [0.6, 0.8, -0.3],',
      '      [-0.1, -0.6, 0.9]]',
      'W2 = [[0.5, -0.3, 0.8, 0.1],',
      '      [-0.7, 0.4, 0.2, 0.6],',
      '      [0.3, 0.9, -0.5, -0.2]]',
      'h = max(0, W1 @ x)',
      'scores = W2 @ h',
      'p = softmax(scores)',
      'loss = -log(p[0])',
    ].join('\n'),
  },
  {
    id: 'eleven-line-net',
    title: 'The 11-line network: forward and loss',
    source: [
      '# example 8: the 3-4-1 sigmoid network on its batch of four, from its starting weights',
      'X = [[0, 0, 1],',
      '     [0, 1, 1],',
      '     [1, 0, 1],',
      '     [1, 1, 1]]',
      'y = [[0], [1], [1], [0]]',
      'syn0 = [[-0.165955990594852, 0.4406489868843162, -0.9997712503653102, -0.39533485473632046],',
      '        [-0.7064882183657739, -0.8153228104624044, -0.6274795772446582, -0.3088785459139045],',
      '        [-0.20646505153866013, 0.07763346800671389, -0.1616109711934104, 0.370439000793519]]',
      'syn1 = [[-0.5910955005369651], [0.7562348727818908], [-0.9452248136041477], [0.34093502035680445]]',
      'l1 = sigmoid(X @ syn0)',
      'l2 = sigmoid(l1 @ syn1)',
      'L = 0.5 * sum((y - l2)^2)',
    ].join('\n'),
  },
];

export const FIRST_EXAMPLE = EXAMPLES[0] as Example;
