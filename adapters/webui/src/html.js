// html is htm bound to Preact's h: tagged templates instead of JSX, so the
// sources run without a compile step. Interpolated values are always text
// or attributes, never parsed as HTML.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
