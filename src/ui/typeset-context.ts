import { createContext } from 'react';

/** Whether explanations are typeset with KaTeX (`?typeset=1`); the text form otherwise. */
export const TypesetContext = createContext(false);
