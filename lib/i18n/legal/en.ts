import type { LegalTexts } from '@/lib/i18n/legal';

/** The shop's legal and help pages in English: the same pages as lib/i18n/legal/ja.ts, which says where they come from. */
export const en: LegalTexts = {
  fictional: "The seller's details on this page (company, person responsible, address, phone number and e-mail address) are a demo's fictional examples. They do not exist.",
  sandbox: 'This shop runs in sandbox mode: confirming an order charges nothing and ships nothing.',
  tokushoho: {
    title: 'Legal notice (Specified Commercial Transactions Act)',
    lead: "The information Japan's Act on Specified Commercial Transactions (article 11) requires of a shop that sells by mail order and online.",
    rows: [
      { id: 'seller', term: 'Seller', body: ['{seller}'] },
      { id: 'representative', term: 'Person responsible', body: ['{representative}'] },
      { id: 'address', term: 'Address', body: ['{address}'] },
      { id: 'phone', term: 'Phone', body: ['{phone} ({hours})', 'Please write to us by e-mail where you can.'] },
      { id: 'email', term: 'E-mail', body: ['{email}'] },
      { id: 'prices', term: 'Prices', body: ['Shown on each product page, consumption tax included.'] },
      {
        id: 'shipping-fee',
        term: 'Shipping fee',
        body: [
          '{fee} (tax included) anywhere in Japan; free for orders whose items total {threshold} or more.',
          'The checkout shows the total to pay, shipping included, before you pay.',
        ],
      },
      {
        id: 'other-charges',
        term: 'Other charges',
        body: [
          'The shop charges nothing besides the items and shipping. Paying with Smartpay costs no interest and no fees.',
          'Your internet connection and data charges for using the site are your own.',
        ],
      },
      {
        id: 'payment',
        term: 'Payment method',
        body: [
          'Smartpay only: you pay for your order in 3 instalments, with no interest and no fees.',
          'On Smartpay’s page you sign in or create an account and choose the credit card or bank account to pay from. Smartpay reviews each order and may not accept it.',
        ],
      },
      {
        id: 'payment-timing',
        term: 'When you pay',
        body: [
          'The order is placed when you confirm it on Smartpay’s page and Smartpay approves it.',
          'The first instalment is taken at purchase (when the shop takes the payment), the second and third one and two months later, automatically from the card or bank account you chose. Smartpay shows the dates on its page and in its confirmation e-mail.',
        ],
      },
      {
        id: 'delivery',
        term: 'Delivery time',
        body: ['We ship within 3 business days of the payment’s approval; delivery usually takes 1–3 days more (longer to some remote islands). We deliver in Japan only.'],
      },
      {
        id: 'returns',
        term: 'Returns and exchanges',
        body: [
          'Write to us by e-mail within 8 days of receiving your order. We accept unused, unopened items; food (tea) cannot be returned once opened.',
          'You pay the shipping of a return for your own reasons. If an item is faulty or not what you ordered, we exchange or refund it at our cost.',
        ],
      },
      {
        id: 'cancellations',
        term: 'Cancellations',
        body: [
          'You can cancel until your order ships: e-mail us with your order number (it starts with SP-). We cancel or refund the order with Smartpay, so you either owe Smartpay nothing or are refunded.',
        ],
      },
    ],
  },
  privacy: {
    title: 'Privacy policy',
    lead: '{seller} (“the shop”) handles your personal information as follows.',
    sections: [
      {
        id: 'collected',
        heading: 'What we collect',
        body: [
          'What you enter at checkout: e-mail address, name (family and given), name in katakana (optional), phone number, and delivery address (postal code, prefecture, city, street address, building and room (optional)).',
          'Your order: items, quantities, amounts, order number and payment status.',
          'Cookies: your cart, your language, a random value that identifies this browser, and the order numbers placed in this browser. They serve the shop’s own functions only; we use no advertising or analytics cookies and no outside services for them.',
        ],
      },
      {
        id: 'purposes',
        heading: 'Why',
        body: ['To take your order and payment, deliver it, write to you about it, answer your questions, and prevent abuse (limits on how often the checkout can be sent).'],
      },
      {
        id: 'smartpay',
        heading: 'What Smartpay receives',
        body: [
          'To take your payment we send your name, its katakana reading (if given), e-mail address, phone number, delivery address, and the items and amounts of your order to 株式会社Smartpay, the company that runs the Smartpay payment service. Smartpay uses them for the payment and its review, under its own terms.',
          'To deliver your order we give your name, address and phone number to the carrier. Apart from these and where the law requires it, we share nothing without your consent.',
        ],
      },
      {
        id: 'retention',
        heading: 'How long we keep it',
        body: ['Order records are kept for the period the law requires of business records, then deleted.'],
        demo: ['This demo shop deletes orders automatically after {retentionHours} hours.'],
      },
      {
        id: 'drafts',
        heading: 'What you type at checkout',
        body: [
          'What you send when you go on to the payment page is kept, encrypted so that only this browser can read it back, so that you need not type it again when you come back from the payment page or reload. It is never put in a URL or a cookie. It is deleted once the payment is complete, or after {retentionHours} hours.',
        ],
      },
      {
        id: 'requests',
        heading: 'Seeing, correcting or deleting your information',
        body: ['To see, correct, stop the use of or delete your information, e-mail the contact below. We act once we have confirmed it is you.'],
      },
      {
        id: 'contact',
        heading: 'Contact',
        body: ['{seller}, personal information desk', 'E-mail: {email}. Phone: {phone} ({hours}).'],
      },
    ],
  },
  shipping: {
    title: 'Shipping and returns',
    lead: 'From your order to its delivery, returns and cancellations.',
    sections: [
      {
        id: 'fee',
        heading: 'Shipping fee',
        body: ['{fee} (tax included) anywhere in Japan; free for orders whose items total {threshold} or more. The cart and the checkout show the total with shipping.'],
      },
      {
        id: 'delivery',
        heading: 'Shipping and delivery',
        body: [
          'We ship within 3 business days of the payment’s approval; delivery usually takes 1–3 days more (longer to some remote islands).',
          'We deliver in Japan only, and cannot deliver at a chosen date or time.',
        ],
      },
      {
        id: 'returns',
        heading: 'Returns and exchanges',
        body: [
          'Write to us by e-mail within 8 days of receiving your order. We accept unused, unopened items; food (tea) cannot be returned once opened.',
          'You pay the shipping of a return for your own reasons. If an item is faulty or not what you ordered, we exchange or refund it at our cost.',
        ],
      },
      {
        id: 'cancellations',
        heading: 'Cancellations and refunds',
        body: [
          'You can cancel until your order ships: e-mail us with your order number (it starts with SP-).',
          'Cancellations and returns are cancelled or refunded through Smartpay; you never pay the shop directly.',
        ],
      },
    ],
  },
  contact: {
    title: 'Contact',
    lead: 'Questions about an order, its delivery or a return: e-mail us. We answer within 2 business days.',
    email: 'E-mail',
    phone: 'Phone',
    hours: 'Hours',
    seller: 'Seller',
    address: 'Address',
    notes: [
      'About an order, please give its order number (it starts with SP-).',
      'About your Smartpay account or payment dates, please ask Smartpay.',
    ],
  },
};
