import { Liquid, Tag, TagToken, TopLevelToken } from 'liquidjs';

/** Tags that would read other templates from storage; email templates are self-contained. */
const FILE_TAGS = ['include', 'render', 'layout'] as const;

class FileTagNotAllowed extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new Error(`"{% ${token.name} %}" is not available in email templates`);
  }

  // Never called: construction throws, so a template using the tag never parses.
  render(): void {}
}

function createLiquid(outputEscape: 'escape' | undefined): Liquid {
  const liquid = new Liquid({
    outputEscape,
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    // An in-memory, empty template store: even if a file tag slipped through, nothing is read from disk.
    templates: {},
    // A template is authored by a merchant but rendered by the shared engine: bound its cost.
    parseLimit: 2_000_000,
    renderLimit: 2_000,
    memoryLimit: 20_000_000,
  });
  for (const tag of FILE_TAGS) liquid.registerTag(tag, FileTagNotAllowed);
  return liquid;
}

/** Renders every `{{ output }}` HTML-escaped: for the email body. */
export const htmlLiquid = createLiquid('escape');

/** Renders outputs verbatim: for the subject, a plain-text header. */
export const plainLiquid = createLiquid(undefined);
