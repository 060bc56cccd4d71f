// Public face of host/options: the merchant's options checked before anything renders, read from
// markup attributes, and the error box shown instead of a form that cannot pay.
export { checkOptions, describeProblem, KNOWN_OPTIONS, MARKUP_OPTIONS, reportOptions } from "./option-problems.ts";
export type { MarkupKind, MarkupOption, OptionProblem, OptionProblemCode, OptionsCheck } from "./option-problems.ts";
export { kebabCase, OBSERVED_ATTRIBUTES, optionsFromAttributes, optionsFromDataset, parseAttributeOptions } from "./attribute-options.ts";
export type { AttributeOption } from "./attribute-options.ts";
export { OptionsErrorBox } from "./options-error-box.tsx";
