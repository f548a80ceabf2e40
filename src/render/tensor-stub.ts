import { shapeTag, type Shape } from '../core/index.ts';
import type { Point } from '../layout/index.ts';
import { BOX_HEIGHT, CHAR_WIDTH, NAME_FONT, TAG_FONT, TENSOR_BLOCK_GAP, TENSOR_NAME_DY, TENSOR_WIRE_CLEAR } from './constants.ts';
import { tensorBlock, type TensorBlock } from './tensor-geometry.ts';

/**
 * Where the parts of a tensor wire's stub sit, in scene coordinates. Along the stub: its name above and its shape
 * tag on the wire, then the value block above the wire and the gradient block below it, both ending at the stub's end.
 */
export interface TensorLayout {
  readonly shape: Shape;
  readonly tag: string;
  /** Centre of the shape tag, on the wire. */
  readonly tagX: number;
  readonly tagWidth: number;
  readonly nameX: number;
  readonly nameY: number;
  readonly block: TensorBlock;
  /** Left edge of both blocks; top of the value block (above the wire) and of the gradient block (below it). */
  readonly blockX: number;
  readonly valueY: number;
  readonly gradY: number;
}

export interface TensorStub {
  /** Length of the stub, and height of the node's box: enough for the blocks on both sides of the wire. */
  readonly length: number;
  readonly height: number;
  place(stubStart: Point): TensorLayout;
}

const EDGE_PAD = 6;
/** The name sits above the wire: the box must reach past its top even when the blocks are short. */
const NAME_HALF_HEIGHT = -TENSOR_NAME_DY + NAME_FONT + 2;

export function tensorStub(shape: Shape, name: string): TensorStub {
  const tag = shapeTag(shape);
  const tagWidth = tag.length * TAG_FONT * CHAR_WIDTH + 10;
  const nameWidth = name.length * NAME_FONT * CHAR_WIDTH;
  const lead = Math.max(tagWidth, nameWidth);
  const block = tensorBlock(shape);
  const length = EDGE_PAD + lead + TENSOR_BLOCK_GAP + block.width + EDGE_PAD;
  const half = Math.max(BOX_HEIGHT / 2, TENSOR_WIRE_CLEAR + block.height + 1, name ? NAME_HALF_HEIGHT : 0);
  return {
    length,
    height: 2 * half,
    place: ({ x, y }) => ({
      shape, tag, tagX: x + EDGE_PAD + tagWidth / 2, tagWidth, nameX: x + EDGE_PAD, nameY: y + TENSOR_NAME_DY, block,
      blockX: x + length - EDGE_PAD - block.width, valueY: y - TENSOR_WIRE_CLEAR - block.height, gradY: y + TENSOR_WIRE_CLEAR,
    }),
  };
}
