import type { Category, Product } from '@/lib/catalog/types';

/** The shop's categories, in display order. */
export const categories: Category[] = [
  { id: 'tea', name: { ja: 'お茶', en: 'Tea' } },
  { id: 'tableware', name: { ja: '器', en: 'Tableware' } },
  { id: 'stationery', name: { ja: '文具', en: 'Stationery' } },
  { id: 'textiles', name: { ja: '布もの', en: 'Textiles' } },
];

/** Every product in the shop, grouped by category. Prices are tax-included yen. */
export const products: Product[] = [
  // Tea
  {
    id: 'p_sencha',
    slug: 'sencha-green-tea',
    category: 'tea',
    name: { ja: '静岡 深蒸し煎茶', en: 'Shizuoka Deep-Steamed Sencha' },
    description: {
      ja: '牧之原台地で育った一番茶を深蒸しに仕上げました。まろやかな甘みと鮮やかな緑の水色が楽しめます。',
      en: 'First-flush leaves from the Makinohara plateau, deep-steamed for a mellow sweetness and a vivid green cup.',
    },
    price: 1280,
    image: '/products/sencha-green-tea.svg',
    maker: { ja: '牧之原茶園', en: 'Makinohara Chaen' },
  },
  {
    id: 'p_hojicha',
    slug: 'roasted-hojicha',
    category: 'tea',
    name: { ja: '京都 焙じ茶', en: 'Kyoto Roasted Hojicha' },
    description: {
      ja: '茎と葉を強火で香ばしく焙煎しました。カフェインが少なく、食後や夜のひとときにも向いています。',
      en: 'Stems and leaves roasted over a high flame for a toasty aroma. Low in caffeine, so it suits an evening cup.',
    },
    price: 980,
    image: '/products/roasted-hojicha.svg',
    maker: { ja: '鴨川製茶', en: 'Kamogawa Seicha' },
  },
  {
    id: 'p_matcha_set',
    slug: 'matcha-starter-set',
    category: 'tea',
    name: { ja: '抹茶 はじめてセット', en: 'Matcha Starter Set' },
    description: {
      ja: '茶碗、茶筅、茶杓と宇治抹茶30gをひと箱にまとめました。ご自宅で気軽にお抹茶を点てられます。',
      en: 'A tea bowl, bamboo whisk, scoop and 30 g of Uji matcha in one box: all you need to whisk matcha at home.',
    },
    price: 6800,
    image: '/products/matcha-starter-set.svg',
    maker: { ja: '白川茶舗', en: 'Shirakawa Chaho' },
  },
  {
    id: 'p_genmaicha',
    slug: 'genmaicha-brown-rice-tea',
    category: 'tea',
    name: { ja: '香ばし玄米茶', en: 'Genmaicha Brown Rice Tea' },
    description: {
      ja: '煎茶に炒った玄米をたっぷり合わせました。香ばしくすっきりとした味わいで、毎日のお茶にぴったりです。',
      en: 'Sencha blended with plenty of toasted brown rice for a nutty, clean taste made for everyday drinking.',
    },
    price: 680,
    image: '/products/genmaicha-brown-rice-tea.svg',
    maker: { ja: '山吹製茶', en: 'Yamabuki Seicha' },
  },

  // Tableware
  {
    id: 'p_mino_rice_bowl',
    slug: 'mino-yaki-rice-bowl',
    category: 'tableware',
    name: { ja: '美濃焼 織部 飯碗', en: 'Mino-yaki Oribe Rice Bowl' },
    description: {
      ja: '深い緑の織部釉に鉄絵を添えた飯碗です。手になじむ軽さで、毎日の食卓で使いやすい大きさです。',
      en: 'A rice bowl pairing deep green Oribe glaze with iron-brush strokes. Light in the hand and sized for daily meals.',
    },
    price: 2420,
    image: '/products/mino-yaki-rice-bowl.svg',
    maker: { ja: '土岐口窯', en: 'Tokiguchi Gama' },
  },
  {
    id: 'p_arita_plate',
    slug: 'arita-porcelain-plate',
    category: 'tableware',
    name: { ja: '有田焼 染付 花紋五寸皿', en: 'Arita Blue-and-White Plate' },
    description: {
      ja: '白磁に呉須で花紋を描いた直径15cmの取り皿です。和菓子にも洋菓子にもよく合います。',
      en: 'A 15 cm porcelain plate hand-painted with a cobalt flower crest, lovely for sweets, side dishes or snacks.',
    },
    price: 3850,
    image: '/products/arita-porcelain-plate.svg',
    maker: { ja: '泉山工房', en: 'Izumiyama Kobo' },
  },
  {
    id: 'p_chopsticks_set',
    slug: 'lacquered-chopsticks-set',
    category: 'tableware',
    name: { ja: '若狭塗 夫婦箸と箸置き', en: 'Wakasa Lacquer Chopsticks Pair' },
    description: {
      ja: '朱と黒の若狭塗の夫婦箸に、藍色の箸置きを添えました。贈り物にも喜ばれる一組です。',
      en: 'A pair of vermilion and black Wakasa-lacquered chopsticks with an indigo rest, a thoughtful gift for two.',
    },
    price: 3300,
    image: '/products/lacquered-chopsticks-set.svg',
    maker: { ja: '小浜塗物', en: 'Obama Nurimono' },
  },
  {
    id: 'p_kyusu',
    slug: 'tokoname-kyusu-teapot',
    category: 'tableware',
    name: { ja: '常滑焼 朱泥 横手急須', en: 'Tokoname Red Clay Kyusu Teapot' },
    description: {
      ja: '常滑の朱泥を轆轤で挽いた横手の急須です。目の細かい茶こしで、深蒸し煎茶もすっきり淹れられます。',
      en: 'A side-handled teapot thrown in Tokoname red clay. Its fine built-in strainer pours even deep-steamed sencha cleanly.',
    },
    price: 8800,
    image: '/products/tokoname-kyusu-teapot.svg',
    maker: { ja: '炎の里窯', en: 'Ennosato Gama' },
  },

  // Stationery
  {
    id: 'p_washi_notebook',
    slug: 'washi-notebook',
    category: 'stationery',
    name: { ja: '美濃和紙 和綴じノート', en: 'Mino Washi Stitch-Bound Notebook' },
    description: {
      ja: '美濃和紙の本文を藍色の表紙で和綴じにしました。万年筆でもにじみにくい紙です。',
      en: 'Mino washi pages hand-stitched into an indigo cover. The paper resists feathering, even with fountain pens.',
    },
    price: 1540,
    image: '/products/washi-notebook.svg',
    maker: { ja: '楮紙店', en: 'Kozo Shiten' },
  },
  {
    id: 'p_brush_pen_set',
    slug: 'brush-pen-set',
    category: 'stationery',
    name: { ja: '筆ぺん 三色セット', en: 'Brush Pen Set of Three' },
    description: {
      ja: '墨、藍、朱の三色をそろえた筆ぺんです。穂先がしなやかで、年賀状や一筆箋にも使いやすい仕上がりです。',
      en: 'Brush pens in sumi black, indigo and vermilion. Supple tips make them easy to use for cards and short notes.',
    },
    price: 1980,
    image: '/products/brush-pen-set.svg',
    maker: { ja: '猿沢墨堂', en: 'Sarusawa Bokudo' },
  },
  {
    id: 'p_letter_set',
    slug: 'furoshiki-letter-set',
    category: 'stationery',
    name: { ja: '風呂敷包みのレターセット', en: 'Furoshiki-Wrapped Letter Set' },
    description: {
      ja: '和紙の便箋と封筒を小さな風呂敷で包みました。包み布はハンカチとしてもお使いいただけます。',
      en: 'Washi letter paper and envelopes wrapped in a small furoshiki that doubles as a handkerchief afterwards.',
    },
    price: 2200,
    image: '/products/furoshiki-letter-set.svg',
    maker: { ja: '英紙工', en: 'Hanabusa Shiko' },
  },
  {
    id: 'p_fountain_pen_ink',
    slug: 'fountain-pen-ink-indigo',
    category: 'stationery',
    name: { ja: '万年筆インク 藍', en: 'Fountain Pen Ink, Indigo' },
    description: {
      ja: '藍染めの色をもとに調色した、深みのある青のインクです。乾くと落ち着いた紺色に変わります。50ml入り。',
      en: 'A deep blue ink mixed to echo indigo dye. It dries to a calm navy shade. 50 ml bottle.',
    },
    price: 2750,
    image: '/products/fountain-pen-ink-indigo.svg',
    maker: { ja: '神田文具', en: 'Kanda Bungu' },
  },

  // Textiles
  {
    id: 'p_tenugui',
    slug: 'tenugui-towel',
    category: 'textiles',
    name: { ja: '注染 手ぬぐい 豆絞り', en: 'Chusen-Dyed Tenugui, Polka Dot' },
    description: {
      ja: '職人が一枚ずつ注染で染めた、昔ながらの豆絞りの手ぬぐいです。使うほどに柔らかく肌になじみます。',
      en: 'A classic polka-dot tenugui, hand-dyed one by one with the chusen method. It grows softer with every wash.',
    },
    price: 1210,
    image: '/products/tenugui-towel.svg',
    maker: { ja: '浜町染工', en: 'Hamacho Senko' },
  },
  {
    id: 'p_noren',
    slug: 'indigo-noren-curtain',
    category: 'textiles',
    name: { ja: '藍染 麻のれん 丸紋', en: 'Indigo Linen Noren Curtain' },
    description: {
      ja: '麻布を藍で染め、丸紋を白く抜いた三幅ののれんです。玄関や台所のほどよい目隠しになります。',
      en: 'A three-panel linen noren dyed in indigo with a white circle crest, an easy screen for a doorway or kitchen.',
    },
    price: 7480,
    image: '/products/indigo-noren-curtain.svg',
    maker: { ja: '藍染ときわ', en: 'Aizome Tokiwa' },
  },
  {
    id: 'p_furoshiki',
    slug: 'karakusa-furoshiki-cloth',
    category: 'textiles',
    name: { ja: '綿の風呂敷 唐草', en: 'Cotton Furoshiki, Karakusa' },
    description: {
      ja: '縁起の良い唐草文様を染めた約70cm角の綿の風呂敷です。お弁当包みやエコバッグとして活躍します。',
      en: 'A 70 cm cotton furoshiki dyed with the auspicious karakusa vine pattern, great for wrapping bento or as a tote.',
    },
    price: 2640,
    image: '/products/karakusa-furoshiki-cloth.svg',
    maker: { ja: '室町染織', en: 'Muromachi Senshoku' },
  },
  {
    id: 'p_linen_apron',
    slug: 'linen-apron',
    category: 'textiles',
    name: { ja: 'リネン 胸当てエプロン', en: 'Linen Bib Apron' },
    description: {
      ja: '近江の麻を使った生成り色の胸当てエプロンです。大きなポケット付きで、台所仕事にも庭仕事にも。',
      en: 'A natural-toned bib apron in Omi linen with a roomy front pocket, made for kitchen and garden work alike.',
    },
    price: 5940,
    image: '/products/linen-apron.svg',
    maker: { ja: '近江麻工房', en: 'Omi Asa Kobo' },
  },
];
