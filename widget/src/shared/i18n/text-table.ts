// The shape of the widget's text tables (form-texts.ts, late/i18n/late-texts.ts): each key once,
// with its English and Russian text side by side.

export type TextTable<K extends string> = Readonly<Record<K, readonly [en: string, ru: string]>>;
