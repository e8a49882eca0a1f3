import { Liquid, LiquidError } from 'liquidjs';
import { TemplateCompileError } from './template-compile-error';

/** liquidjs appends the position to its messages; the position is reported separately. */
const POSITION_SUFFIX = /, line:\d+, col:\d+$/;

/** The Liquid syntax errors of one field's source (empty when it parses). */
export function liquidSyntaxErrors(
  liquid: Liquid,
  source: string,
  field: TemplateCompileError['field'],
): TemplateCompileError[] {
  try {
    liquid.parse(source);
    return [];
  } catch (error) {
    if (!LiquidError.is(error)) throw error;
    const [line] = error.token.getPosition();
    return [{ field, line, message: `Liquid: ${error.message.replace(POSITION_SUFFIX, '')}` }];
  }
}
