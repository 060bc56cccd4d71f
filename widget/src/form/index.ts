// Public face of form/: the card form (main file only): its model, its inputs and their editing rules.
export { CardFields } from "./card-fields.tsx";
export type { CardFieldsProps } from "./card-fields.tsx";
export {
  changeOf,
  createFormModel,
  EMPTY_VALUES,
  fieldError,
  formErrors,
  formFields,
} from "./form-model.ts";
export type { FormErrorCode, FormErrors, FormField, FormModel, FormState, FormValues } from "./form-model.ts";
export { editCardNumber, editExpiry } from "./field-edit.ts";
export type { FieldEdit } from "./field-edit.ts";
