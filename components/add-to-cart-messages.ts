import type { Messages } from '@/lib/i18n/messages';

/**
 * The texts `AddToCartForm` shows. A client component's props travel to the browser in the page's RSC
 * payload, so the form gets these few strings, not the whole dictionary (which was about a sixth of the
 * home page's bytes).
 */
export interface AddToCartMessages {
  product: Pick<Messages['product'], 'quantity' | 'addToCart' | 'adding' | 'added' | 'viewCart'>;
  cart: Pick<Messages['cart'], 'tooManyLines' | 'invalidQuantity' | 'unknownProduct'>;
}

// One object per dictionary: React sends an object that several props share once, so a grid of sixteen
// forms carries one copy of the texts.
const picked = new WeakMap<Messages, AddToCartMessages>();

export function addToCartMessages(t: Messages): AddToCartMessages {
  let messages = picked.get(t);
  if (!messages) {
    const { quantity, addToCart, adding, added, viewCart } = t.product;
    const { tooManyLines, invalidQuantity, unknownProduct } = t.cart;
    messages = { product: { quantity, addToCart, adding, added, viewCart }, cart: { tooManyLines, invalidQuantity, unknownProduct } };
    picked.set(t, messages);
  }
  return messages;
}
