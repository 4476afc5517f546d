import { en } from '../lib/i18n/messages/en';
import { ja } from '../lib/i18n/messages/ja';
import { expect, test } from './fixtures';

/**
 * A client component's props travel inside the page, in its RSC payload. The catalog's pages carry the
 * texts their add-to-cart forms show, not the shop's whole dictionary (which once made up a sixth of the
 * home page).
 */
for (const [locale, t] of [['ja', ja], ['en', en]] as const) {
  test(`catalog pages in ${locale} carry the texts they show, not the whole dictionary`, async ({ request }) => {
    for (const path of ['/', '/category/tea', '/products/roasted-hojicha']) {
      const response = await request.get(path, { headers: { cookie: `locale=${locale}` } });
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain(t.product.addToCart);
      expect(html, path).toContain(t.cart.unknownProduct);
      for (const unseen of [t.checkout.formErrors.unexpected, t.success.nextShipping, t.errors.generic]) {
        expect(html, `${path} carries "${unseen}"`).not.toContain(unseen);
      }
    }
  });
}
