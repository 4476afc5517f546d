import { ja } from '@/lib/i18n/messages/ja';

export type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/** Every dictionary has exactly the shape of the Japanese one, with its own strings. */
export type Messages = Widen<typeof ja>;
