import type { ProposalFieldName, ProposalFields } from '../../../../shared/domain/proposal';
import { ProposalFieldsSchema } from '../../../../shared/domain/proposal';
import { formatDate } from '../../../../shared/format/dates';
import { formatNumber } from '../../../../shared/format/numbers';
import { ALL_FORM_FIELDS, type FieldSpec } from './proposal-form-layout';

/** What the form holds: the text in each box, exactly as typed. */
export type ProposalFormValues = Record<ProposalFieldName, string>;
export type ProposalFormErrors = Partial<Record<ProposalFieldName, string>>;

export function displayValue(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.kind === 'number' && typeof value === 'number') return formatNumber(value);
  if (spec.kind === 'date' && typeof value === 'string') return formatDate(value);
  return String(value);
}

export function formValuesFrom(fields?: ProposalFields): ProposalFormValues {
  const values = {} as ProposalFormValues;
  for (const spec of ALL_FORM_FIELDS) values[spec.name] = displayValue(spec, fields?.[spec.name]);
  return values;
}

/** The same schema main uses; its messages are shown under the fields. */
export function validateProposalForm(values: ProposalFormValues): { fields?: ProposalFields; errors: ProposalFormErrors } {
  const parsed = ProposalFieldsSchema.safeParse(values);
  if (parsed.success) return { fields: parsed.data, errors: {} };
  const errors: ProposalFormErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as ProposalFieldName | undefined;
    if (name && !errors[name]) errors[name] = issue.message;
  }
  return { errors };
}

/** Errors main sent back (keyed "fields.x") mapped onto the form's fields. */
export function formErrorsFromServer(fieldErrors: Record<string, string> | undefined): ProposalFormErrors {
  const errors: ProposalFormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors ?? {})) {
    const name = path.replace(/^fields\./, '').split('.')[0] as ProposalFieldName;
    if (ALL_FORM_FIELDS.some((spec) => spec.name === name)) errors[name] ??= message;
  }
  return errors;
}
