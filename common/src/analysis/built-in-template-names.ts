/**
 * Names of the templates shipped with the package: `default` (the team
 * template) and `arc42`. Kept apart from the templates themselves so that
 * reading the configuration does not load the markdown parser.
 * @public
 */
export const BUILT_IN_TEMPLATE_NAMES: readonly string[] = ['default', 'arc42'];
