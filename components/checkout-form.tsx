'use client';

import { startTransition, useActionState, useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { CheckoutFieldErrors } from '@/lib/checkout/form-errors';
import { normalizePostalCode } from '@/lib/checkout/postal-code';
import type { CheckoutErrorKey, CheckoutField } from '@/lib/checkout/schema';
import { format } from '@/lib/i18n/format';
import { legalPaths } from '@/lib/i18n/legal/paths';
import type { Messages } from '@/lib/i18n/messages';
import { startCheckout, type CheckoutState } from '@/lib/smartpay';

type Texts = Messages['checkout'];

interface Props {
  t: Texts;
  /** The checkout attempt issued to this browser (lib/checkout/attempt.ts). */
  attempt: string;
  prefectures: { code: string; name: string }[];
  /** What this browser last sent (lib/checkout/drafts.ts), so Back from Smartpay or a reload keeps it. */
  draft?: Partial<Record<CheckoutField, string>>;
}

function errorText(t: Texts, key: CheckoutErrorKey | string | undefined): string | undefined {
  if (!key) return undefined;
  if (key.startsWith('tooLong:')) return format(t.errors.tooLong, { max: key.slice('tooLong:'.length) });
  return (t.errors as Record<string, string>)[key] ?? t.errors.required;
}

/** Every field of lib/checkout/schema.ts (a record, so none can be left out), and those a shopper may leave empty. */
const fields: Record<CheckoutField, { optional?: true }> = {
  email: {},
  familyName: {},
  givenName: {},
  familyNameKana: { optional: true },
  givenNameKana: { optional: true },
  phone: {},
  postalCode: {},
  prefecture: {},
  city: {},
  line1: {},
  line2: { optional: true },
};
const isField = (name: string): name is CheckoutField => Object.hasOwn(fields, name);

/** lib/checkout/form-errors.ts (zod and the schema), fetched once: first when the shopper reaches the form. */
let formErrorsModule: Promise<typeof import('@/lib/checkout/form-errors') | undefined> | undefined;
const loadFormErrors = () =>
  (formErrorsModule ??= import('@/lib/checkout/form-errors').catch((error: unknown) => {
    console.error('[checkout] the form checks could not be loaded', error);
    formErrorsModule = undefined;
    return undefined;
  }));

const sameErrors = (a: CheckoutFieldErrors, b: CheckoutFieldErrors) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([field, key]) => b[field as CheckoutField] === key);

/**
 * The checkout form: checked in the browser with the shared zod schema, then posted to the `startCheckout`
 * server action, which checks it again and redirects to Smartpay. Without JavaScript the form posts
 * straight to the action.
 *
 * A field is checked when the shopper leaves it, then on every change; after a submission, every field on
 * every change. Submitting checks them all and focuses the first field in error. The inputs are
 * uncontrolled: the checks read the form's data, as the server action does.
 */
export function CheckoutForm({ t, attempt, prefectures, draft = {} }: Props) {
  const [state, formAction, pending] = useActionState<CheckoutState, FormData>(startCheckout, {
    fieldErrors: {},
    values: {},
    at: 0,
  });
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [errors, setErrors] = useState<CheckoutFieldErrors>({});
  const touched = useRef(new Set<CheckoutField>());
  const submitted = useRef(false);

  /**
   * Checks the whole form and shows the errors of `only` these fields (of every field when not given);
   * answers what it found, or undefined when the checks could not be loaded.
   */
  async function check(only?: CheckoutField[]): Promise<CheckoutFieldErrors | undefined> {
    const loaded = await loadFormErrors();
    if (!loaded || !formRef.current) return undefined;
    const found = loaded.checkoutFormErrors(new FormData(formRef.current));
    setErrors((current) => {
      let next = found;
      if (only) {
        next = { ...current };
        for (const field of only) {
          if (found[field]) next[field] = found[field];
          else delete next[field];
        }
      }
      return sameErrors(current, next) ? current : next;
    });
    return found;
  }

  const fieldElement = (name: CheckoutField) => formRef.current?.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  useEffect(() => {
    if (state.formError) alertRef.current?.focus();
    // A new attempt id comes with a fresh render of the page; what the shopper typed stays in the form.
    if (state.formError === 'expired') router.refresh();
  }, [state, router]);

  // The postal code fills in the prefecture, city and town (from the shop's offline copy of Japan Post's
  // data, app/api/postal-codes); a field the shopper typed in themselves, or is typing in now, is never
  // overwritten (a value set under the caret would end up in front of what they type next).
  const autofilled = useRef<Partial<Record<'prefecture' | 'city' | 'line1', string>>>({});
  const [postalNote, setPostalNote] = useState('');
  const lookedUp = useRef('');
  async function fillFromPostalCode(value: string) {
    const digits = normalizePostalCode(value);
    if (!digits || digits === lookedUp.current) return;
    lookedUp.current = digits;
    const response = await fetch(`/api/postal-codes/${digits}`).catch(() => undefined);
    if (!response?.ok || lookedUp.current !== digits) return;
    const found = (await response.json()) as { postalCode: string; prefecture: string; city?: string; town?: string };
    const fill = { prefecture: found.prefecture, city: found.city, line1: found.town };
    for (const name of ['prefecture', 'city', 'line1'] as const) {
      const next = fill[name];
      const element = fieldElement(name);
      if (!next || !element || element === document.activeElement) continue;
      if (element.value !== '' && element.value !== autofilled.current[name]) continue;
      element.value = next;
      autofilled.current[name] = next;
      if (errors[name]) void check([name]);
    }
    const prefectureName = prefectures.find((p) => p.code === found.prefecture)?.name ?? '';
    setPostalNote(format(t.postalCodeFilled, { postalCode: found.postalCode, address: `${prefectureName}${found.city ?? ''}${found.town ?? ''}` }));
  }

  const errorFor = (field: CheckoutField) => errorText(t, errors[field] ?? state.fieldErrors[field]);

  /** A field's blur or change: marks it touched, looks up a postal code, and checks the field when it is due. */
  function onField(kind: 'blur' | 'change', event: SyntheticEvent) {
    const { name, value } = event.target as HTMLInputElement;
    if (!isField(name)) return;
    if (kind === 'change' && name === 'postalCode') void fillFromPostalCode(value);
    const due = submitted.current ? kind === 'change' : kind === 'blur' || touched.current.has(name);
    if (kind === 'blur') touched.current.add(name);
    if (due) void check([name]);
  }
  const errorCount = Object.keys(errors).length || Object.keys(state.fieldErrors).length;

  const field = (name: CheckoutField, label: string, input: ReactNode, options: { hint?: string; optional?: boolean } = {}) => {
    const error = errorFor(name);
    return (
      <div>
        <label htmlFor={name} className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {label}{' '}
          {/* A word, not a bare asterisk: read out with the label, and plain to see. */}
          {options.optional ? (
            <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs font-semibold text-stone-800" data-testid={`optional-${name}`}>
              {t.optional}
            </span>
          ) : (
            <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid={`required-${name}`}>
              {t.required}
            </span>
          )}
        </label>
        {input}
        {options.hint && (
          <p id={`${name}-hint`} className="mt-1 text-xs text-stone-600">
            {options.hint}
          </p>
        )}
        <p id={`${name}-error`} className="field-error" data-testid={`error-${name}`} aria-live="polite">
          {error}
        </p>
      </div>
    );
  };

  const inputProps = (name: CheckoutField, hint = false) => {
    const error = errorFor(name);
    return {
      id: name,
      name,
      'aria-required': fields[name].optional ? undefined : true,
      // Rendered into the HTML, so a page answered without JavaScript keeps what the shopper typed.
      defaultValue: state.values[name] ?? draft[name] ?? '',
      'aria-invalid': error ? true : undefined,
      'aria-describedby': [hint ? `${name}-hint` : '', `${name}-error`].filter(Boolean).join(' '),
      'data-testid': `field-${name}`,
      className: 'field-input',
    };
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onFocus={() => void loadFormErrors()}
      onBlur={(event) => onField('blur', event)}
      onChange={(event) => onField('change', event)}
      onSubmit={(event) => {
        event.preventDefault();
        submitted.current = true;
        const form = event.currentTarget;
        void check().then((found) => {
          const first = found && Array.from(form.elements).find((element) => isField((element as HTMLInputElement).name) && found[(element as HTMLInputElement).name as CheckoutField]);
          if (first) (first as HTMLElement).focus();
          else startTransition(() => formAction(new FormData(form)));
        });
      }}
      className="space-y-8"
      data-testid="checkout-form"
    >
      <input type="hidden" name="attempt" value={state.attempt ?? attempt} />
      <div ref={alertRef} tabIndex={-1} role="alert" data-testid="checkout-error" className="empty:hidden">
        {state.formError && (
          <p className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900" key={state.at}>
            {format(t.formErrors[state.formError], { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })}
          </p>
        )}
        {!state.formError && errorCount > 0 && (
          <p className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">{format(t.errorSummary, { count: errorCount })}</p>
        )}
      </div>

      <p className="text-sm" data-testid="required-note">
        {t.requiredNote}
      </p>

      <fieldset className="card space-y-4 p-5">
        <legend className="px-1 text-lg font-semibold">{t.contact}</legend>
        {field('email', t.email, <input type="email" autoComplete="email" inputMode="email" {...inputProps('email')} />)}
        <div className="grid gap-4 sm:grid-cols-2">
          {field('familyName', t.familyName, <input autoComplete="family-name" {...inputProps('familyName')} />)}
          {field('givenName', t.givenName, <input autoComplete="given-name" {...inputProps('givenName')} />)}
          {field('familyNameKana', t.familyNameKana, <input {...inputProps('familyNameKana')} />, { optional: true })}
          {field('givenNameKana', t.givenNameKana, <input {...inputProps('givenNameKana')} />, { optional: true })}
        </div>
        {field('phone', t.phone, <input type="tel" autoComplete="tel-national" inputMode="tel" {...inputProps('phone', true)} />, {
          hint: t.phoneHint,
        })}
      </fieldset>

      <fieldset className="card space-y-4 p-5">
        <legend className="px-1 text-lg font-semibold">{t.shippingAddress}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {field(
            'postalCode',
            t.postalCode,
            <input autoComplete="postal-code" inputMode="numeric" {...inputProps('postalCode', true)} />,
            { hint: t.postalCodeHint },
          )}
          {field(
            'prefecture',
            t.prefecture,
            <select autoComplete="address-level1" {...inputProps('prefecture')}>
              <option value="">{t.choosePrefecture}</option>
              {prefectures.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>,
          )}
        </div>
        <p className="text-sm text-green-800 empty:hidden" aria-live="polite" data-testid="postal-code-filled">
          {postalNote}
        </p>
        {field('city', t.city, <input autoComplete="address-level2" {...inputProps('city')} />)}
        {field('line1', t.line1, <input autoComplete="address-line1" {...inputProps('line1')} />)}
        {field('line2', t.line2, <input autoComplete="address-line2" {...inputProps('line2')} />, { optional: true })}
      </fieldset>

      <div className="space-y-4">
        <section aria-labelledby="smartpay-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-5" data-testid="smartpay-explanation">
          <h2 id="smartpay-heading" className="font-semibold">
            {t.smartpay.heading}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {t.smartpay.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href={`${legalPaths.tokushoho}#payment`} prefetch={false} className="underline underline-offset-4" data-testid="smartpay-more">
              {t.smartpay.more}
            </Link>
          </p>
        </section>
        <button type="submit" className="btn-primary w-full text-lg" disabled={pending} data-testid="pay-with-smartpay">
          {pending ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
