'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { cookieOptions } from '@/lib/cookie-options';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';

/** Switches the shop's language. Used by a plain form, so it works without JavaScript too. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, cookieOptions(60 * 60 * 24 * 365));
  revalidatePath('/', 'layout');
}
