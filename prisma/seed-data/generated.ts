// A large, made-up but plausible catalog for trying the store at scale:
// `npm run db:seed -- --products 2000` adds these to the hand-written catalog
// in ./catalog.ts until it holds about that many products.
//
// Deterministic: product i is drawn from its own PRNG stream (a fixed seed
// mixed with i), so it is the same whatever the count, and a smaller catalog
// is a prefix of a larger one. Every slug ends in "-s" and a serial number of
// at least four digits (GENERATED_SLUG), which tells the seed which products it
// made; SKUs carry the same serial, so both are unique.
//
// Only the seeded pen models, concerns and areas are used, kits contain
// products of the hand-written catalog, and every product names the guide
// whose instructions travel with it (lib/guides/attachment.ts): the home guide,
// or the professional one for what only trained professionals may buy.
//
// Copy rules as in ./catalog.ts: calm, factual, cosmetic wording, no device or
// drug claims, no third-party pen trademarks (checked by lib/copy/claims.ts).
import { CARTRIDGE_CONFIGS, cartridgeImageName } from "../../lib/catalog/images";
import type { SeedProduct, SeedVariant } from "./types";

export const GENERATED_SLUG = /-s\d{4,}$/;

const SEED = 0x5eed_2026;
const HOME_GUIDE = "home-microneedling-guide";
const PRO_GUIDE = "professional-pen-guide";

/** mulberry32: small, fast, and the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** `count` distinct items, in their original order. */
  some: <T>(items: readonly T[], count: number) => T[];
  chance: (p: number) => boolean;
};

function rngFor(index: number): Rng {
  const next = prng(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], count: number) => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(next() * items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i]!);
  };
  return { next, int, pick, some, chance: (p) => next() < p };
}

// ------------------------------------------------------------ shared facts

const FACE = ["forehead", "nose", "around-eyes", "upper-lip", "cheeks", "chin-jaw"];
const SMALL_AREAS = ["nose", "around-eyes", "upper-lip", "chin-jaw"];
const BROAD_AREAS = ["forehead", "cheeks", "chin-jaw", "neck", "decollete", "hands"];
const ALL_AREAS = [...FACE, "neck", "decollete", "hands"];
const CARTRIDGE_CONCERNS = ["texture", "pores", "fine-lines", "uneven-tone", "general-care"];

const PENS = {
  "stillpoint-h1": "Stillpoint H1 Home Pen",
  "stillpoint-h0": "Stillpoint H0 Home Pen (first edition)",
  "stillpoint-p2": "Stillpoint P2 Professional Pen",
} as const;
type PenSlug = keyof typeof PENS;

const STEEL = "Surgical stainless steel (316L)";
const NANO_MATERIAL = "Silicon nano tips on a stainless steel base";

const NUMBER_WORDS: Record<number, string> = {
  3: "Three",
  5: "Five",
  7: "Seven",
  9: "Nine",
  12: "Twelve",
  16: "Sixteen",
  24: "Twenty-four",
  36: "Thirty-six",
  42: "Forty-two",
  49: "Forty-nine",
};

/** A date in 2026, from the serial, so "newest" has something to sort. */
function publishedAt(rng: Rng): string {
  const day = rng.int(0, 329);
  const date = new Date(Date.UTC(2026, 0, 5) + day * 86_400_000 + rng.int(8, 17) * 3_600_000);
  return date.toISOString();
}

function verifiedDate(published: string, rng: Rng): string {
  const date = new Date(Date.parse(published) + rng.int(3, 21) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** A price that looks like a shop's: whole dollars less a cent. */
function price(dollars: number): number {
  return Math.max(1, Math.round(dollars)) * 100 - 1;
}

function stock(rng: Rng): number {
  if (rng.chance(0.07)) return 0;
  if (rng.chance(0.08)) return rng.int(1, 5);
  return rng.int(6, 180);
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

const serialOf = (index: number) => String(index + 1).padStart(4, "0");

// ------------------------------------------------------------- cartridges

type Config = { pins: number | null; geometry: "ROUND" | "SQUARE" | "NANO" | "MIXED" };

const HOUSINGS = [
  { name: "Clear Housing", text: "a clear housing, so you can see the pins seated before you start", gamma: false },
  { name: "Slim Housing", text: "a slim housing that leaves more of the skin in view", gamma: true },
  { name: "Long Collar", text: "a longer collar that gives a steadier grip near the tip", gamma: true },
  { name: "Soft-Touch Collar", text: "a soft-touch collar that is easy to hold with gloved fingers", gamma: true },
  { name: "Standard Housing", text: "the standard Stillpoint housing", gamma: false },
] as const;

function cartridgeConfig(rng: Rng, pro: boolean): Config {
  // Pin configurations come from the list the drawings are made for, so every one has its picture.
  if (pro) return rng.pick<Config>(PRO_CONFIGS);
  return rng.pick<Config>(HOME_CONFIGS);
}

/** Professional cartridges: the 24 pins and up. */
const PRO_CONFIGS: Config[] = CARTRIDGE_CONFIGS.filter((c) => c.pins >= 24);
/** Home cartridges: up to 36 pins, nano twice as often, and a mixed sampler. */
const HOME_CONFIGS: Config[] = [
  { pins: null, geometry: "NANO" },
  { pins: null, geometry: "NANO" },
  ...CARTRIDGE_CONFIGS.filter((c) => c.pins <= 36),
  { pins: null, geometry: "MIXED" },
];

function cartridgeLine(config: Config, pro: boolean, rng: Rng): string {
  if (pro) return rng.pick(["Studio", "Clinic", "Practice"]);
  if (config.geometry === "NANO") return rng.pick(["Surface", "Velvet", "Nano Glow"]);
  if (config.geometry === "MIXED") return rng.pick(["Discovery", "Sampler", "Try-Out"]);
  const pins = config.pins!;
  if (pins <= 9) return rng.pick(["Detail", "Fine Point", "Accent"]);
  if (pins <= 16) return rng.pick(["Precision", "Balance", "Contour"]);
  return rng.pick(["Coverage", "Glide", "Broad"]);
}

function cartridgeFits(config: Config, pro: boolean, rng: Rng): PenSlug[] {
  if (pro) return ["stillpoint-p2"];
  // The first-edition H0 connector takes only the small heads (see its pen summary).
  const small = config.geometry === "NANO" || config.geometry === "MIXED" || (config.pins ?? 0) <= 16;
  if (small)
    return rng.pick<PenSlug[]>([
      ["stillpoint-h1", "stillpoint-h0", "stillpoint-p2"],
      ["stillpoint-h1", "stillpoint-h0", "stillpoint-p2"],
      ["stillpoint-h1", "stillpoint-p2"],
      ["stillpoint-h1", "stillpoint-h0"],
      ["stillpoint-h1"],
    ]);
  return rng.pick<PenSlug[]>([["stillpoint-h1", "stillpoint-p2"], ["stillpoint-h1", "stillpoint-p2"], ["stillpoint-h1"]]);
}

function cartridge(index: number, rng: Rng): SeedProduct {
  const serial = serialOf(index);
  const pro = rng.chance(0.12);
  const config = cartridgeConfig(rng, pro);
  const line = cartridgeLine(config, pro, rng);
  const housing = rng.pick(HOUSINGS);
  const fits = cartridgeFits(config, pro, rng);
  const maxDepthMm = pro ? rng.pick([1.0, 1.5, 2.0, 2.5]) : config.geometry === "NANO" ? 0.25 : 0.5;
  const sterilization = housing.gamma && rng.chance(0.5) ? "GAMMA" : "ETHYLENE_OXIDE";
  const geometryWord = config.geometry === "SQUARE" ? "Square" : config.geometry === "NANO" ? "Nano" : config.geometry === "MIXED" ? "Mixed" : "Round";

  const configName = config.pins ? `${config.pins} ${geometryWord}` : geometryWord;
  const name = `${line} ${configName} Cartridge, ${housing.name} (S${serial})`;
  const slugBase = `${line} ${configName} cartridge ${housing.name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const skuConfig = config.pins ? `${config.pins}${config.geometry[0]}` : config.geometry === "NANO" ? "N" : "MIX";

  const packs = config.geometry === "MIXED" ? [6] : pro ? rng.some([10, 20, 50], rng.int(1, 2)) : rng.some([5, 10, 20, 25, 50], rng.int(1, 3));
  const perCartridge = (pro ? 2.6 : config.geometry === "NANO" ? 2.4 : 1.9) + (config.pins ?? 10) / 100 + rng.next() * 0.5;
  const variants: SeedVariant[] = packs.map((pack) => ({
    sku: `CRT-${skuConfig}-S${serial}-${pack}`,
    label: config.geometry === "MIXED" ? "6 cartridges (2 nano, 2 × 12-pin, 2 × 16-pin)" : `${pack} cartridges`,
    // Bigger boxes cost less per cartridge.
    priceCents: price(perCartridge * pack * (pack >= 50 ? 0.8 : pack >= 20 ? 0.88 : 1)),
    stock: stock(rng),
    packSize: pack,
    packUnit: "cartridges",
    ...(config.pins ? { pinCount: config.pins } : {}),
    needleGeometry: config.geometry,
    needleMaterial: config.geometry === "NANO" ? NANO_MATERIAL : config.geometry === "MIXED" ? `${STEEL} pins; silicon nano tips` : STEEL,
    sterilization,
    maxDepthMm,
    homeUse: !pro,
  }));

  const heads =
    config.geometry === "NANO"
      ? "A dense array of very short silicon nano tips on a stainless steel base"
      : config.geometry === "MIXED"
        ? "Two each of three heads (nano, 12-pin and 16-pin)"
        : `${NUMBER_WORDS[config.pins!]} ${geometryWord.toLowerCase()} pins of surgical stainless steel (316L)`;
  const use =
    config.geometry === "NANO"
      ? "It is made for the shallowest work, as a cosmetic surface exfoliation that leaves skin looking smoother."
      : config.geometry === "MIXED"
        ? "Trying all three shows which head suits which part of the face before you buy a full box."
        : config.pins! <= 9
          ? "The small footprint suits close work: the sides of the nose, the upper lip and the chin."
          : config.pins! <= 16
            ? "A middle-sized head that moves steadily across most of the face."
            : "A wide head that covers broad, flat areas in fewer passes.";
  const depth = pro
    ? `It is made for depths up to ${maxDepthMm} mm on the P2 Professional Pen, beyond the home range.`
    : `It is made for home depths up to ${maxDepthMm} mm${maxDepthMm > 0.25 ? "; 0.25 mm is the place to start" : ""}.`;
  const care = `Every cartridge is single-use, individually blister-packed and sterile-sealed after ${sterilization === "GAMMA" ? "gamma irradiation" : "ethylene oxide sterilization"}, with a lot number and expiry date on each blister. A membrane inside keeps fluid out of the pen body. Check the seal before opening and use a new cartridge every session.`;
  const fitText = `Fits the ${listNames(fits.map((p) => PENS[p]))}.${pro ? " Sold to trained professionals only: a professional account is needed to order it." : ""} Sold in ${packs.length > 1 ? `boxes of ${listNames(packs.map(String))}` : `boxes of ${packs[0]}`}.`;
  const published = publishedAt(rng);
  return {
    slug: `${slugBase}-s${serial}`,
    kind: "CARTRIDGE",
    name,
    tagline:
      config.geometry === "NANO"
        ? `A nano-tip array in a ${housing.name.toLowerCase()} for gentle surface exfoliation.`
        : config.geometry === "MIXED"
          ? `Six cartridges in three sizes, in a ${housing.name.toLowerCase()}, for finding the head that suits you.`
          : `${NUMBER_WORDS[config.pins!]} ${geometryWord.toLowerCase()} pins in a ${housing.name.toLowerCase()}, ${pro ? "for trained professionals" : `for home depths up to ${maxDepthMm} mm`}.`,
    description: [`${heads} sit in ${housing.text}. ${use} ${depth}`, care, fitText].join("\n\n"),
    publishedAt: published,
    concerns: rng.some(CARTRIDGE_CONCERNS, rng.int(2, 4)),
    areas: config.pins && config.pins <= 9 ? SMALL_AREAS : config.pins && config.pins >= 24 ? BROAD_AREAS : rng.some(ALL_AREAS, rng.int(4, 8)),
    fits: fits.map((pen) => ({ pen, verifiedAt: verifiedDate(published, rng) })),
    variants,
    guide: pro ? PRO_GUIDE : HOME_GUIDE,
    imagePath: `/images/products/${config.geometry === "NANO" ? "nano-surface-cartridge" : config.geometry === "MIXED" ? "starter-mixed-cartridge-pack" : cartridgeImageName(config.pins!, config.geometry)}.svg`,
  };
}

// -------------------------------------------------------------- aftercare

const AFTERCARE_TYPES = [
  {
    type: "Serum",
    dollarsPerMl: 0.7,
    sizes: [15, 30, 50],
    unit: "ml",
    ingredients: ["hyaluronic acid and panthenol", "glycerin and allantoin", "squalane and panthenol", "aloe leaf juice and glycerin"],
    feel: "a water-light serum that hydrates and leaves skin feeling soft",
    pack: "an amber glass dropper bottle",
    concerns: ["dryness", "general-care"],
    image: "soothing-hydrating-serum",
  },
  {
    type: "Cream",
    dollarsPerMl: 0.35,
    sizes: [30, 50, 100],
    unit: "ml",
    ingredients: ["ceramides and shea butter", "ceramides and squalane", "oat extract and glycerin"],
    feel: "a soft cream that moisturizes and helps skin feel comfortable when it is dry or tight",
    pack: "an airless pump",
    concerns: ["dryness", "general-care"],
    image: "gentle-barrier-moisturizer",
  },
  {
    type: "Cleanser",
    dollarsPerMl: 0.09,
    sizes: [100, 150, 250],
    unit: "ml",
    ingredients: ["glycerin", "oat extract", "aloe leaf juice"],
    feel: "a milky, non-foaming cleanser that lifts away the day without leaving skin feeling tight",
    pack: "a pump bottle",
    concerns: ["general-care", "dryness"],
    image: "gentle-cleanser",
  },
  {
    type: "Mist",
    dollarsPerMl: 0.16,
    sizes: [50, 100],
    unit: "ml",
    ingredients: ["rose water and glycerin", "aloe leaf juice and panthenol"],
    feel: "a fine facial mist that refreshes and leaves skin feeling hydrated",
    pack: "a spray bottle",
    concerns: ["dryness", "general-care"],
    image: "soothing-hydrating-serum",
  },
  {
    type: "Balm",
    dollarsPerMl: 0.7,
    sizes: [15, 30],
    unit: "ml",
    ingredients: ["shea butter and squalane", "beeswax and sunflower oil"],
    feel: "a rich balm for dry patches, lips and the backs of the hands",
    pack: "a twist-up tin",
    concerns: ["dryness"],
    image: "gentle-barrier-moisturizer",
  },
  {
    type: "Sunscreen",
    dollarsPerMl: 0.3,
    sizes: [30, 50, 100],
    unit: "ml",
    ingredients: ["zinc oxide", "zinc oxide and titanium dioxide"],
    feel: "a mineral sunscreen with broad-spectrum protection against UVA and UVB",
    pack: "a tube",
    concerns: ["sun-protection", "general-care"],
    image: "mineral-spf-30-sunscreen",
  },
] as const;

const AFTERCARE_NAMES = ["Calm", "Cloud", "Quiet", "Still", "Soft", "Daily", "Comfort", "Gentle", "Simple", "Clear Day", "Hush", "Mild"];

function aftercare(index: number, rng: Rng): SeedProduct {
  const serial = serialOf(index);
  const t = rng.pick(AFTERCARE_TYPES);
  const word = rng.pick(AFTERCARE_NAMES);
  const ingredient = rng.pick(t.ingredients);
  const spf = t.type === "Sunscreen" ? rng.pick([30, 50]) : null;
  const typeName = spf ? `Mineral SPF ${spf} Sunscreen` : t.type;
  const sizes = rng.some(t.sizes, rng.int(1, 2));
  const perMl = t.dollarsPerMl * (0.85 + rng.next() * 0.3);
  const name = `${word} ${typeName} (S${serial})`;
  const lines = [
    `${t.feel[0]!.toUpperCase()}${t.feel.slice(1)}, made with ${ingredient}. It is fragrance-free and has no exfoliating acids or retinoids, so it fits a simple, gentle routine.`,
    spf
      ? `Broad-spectrum SPF ${spf}. Apply generously before sun exposure and reapply at least every two hours. Read the Drug Facts panel on the carton before use.`
      : "Patch-test on a small area first if your skin is easily irritated.",
    `${listNames(sizes.map((s) => `${s} ${t.unit}`))} in ${t.pack}.`,
  ];
  return {
    slug: `${word} ${typeName}`.toLowerCase().replace(/[^a-z0-9]+/g, "-") + `-s${serial}`,
    kind: "AFTERCARE",
    name,
    tagline: spf ? `A fragrance-free ${ingredient} sunscreen with broad-spectrum SPF ${spf}.` : `A fragrance-free ${t.type.toLowerCase()} with ${ingredient}.`,
    description: lines.join("\n\n"),
    publishedAt: publishedAt(rng),
    concerns: [...t.concerns],
    areas: t.type === "Balm" ? ["upper-lip", "hands"] : rng.some(ALL_AREAS, rng.int(5, 9)),
    variants: sizes.map((size) => ({
      sku: `AFT-${t.type.slice(0, 3).toUpperCase()}-S${serial}-${size}`,
      label: `${size} ${t.unit}`,
      priceCents: price(4 + perMl * size),
      stock: stock(rng),
      packSize: size,
      packUnit: t.unit,
      homeUse: true,
    })),
    guide: HOME_GUIDE,
    imagePath: `/images/products/${t.image}.svg`,
  };
}

// ------------------------------------------------------------ accessories

type AccessoryType = { name: string; unit: string; options: { size: number; label: string }[]; text: string; image: string; pro: boolean; dollars: number };

const ACCESSORY_TYPES: AccessoryType[] = [
  {
    name: "Sharps Container",
    unit: "container",
    options: [
      { size: 1, label: "0.5 litre" },
      { size: 1, label: "1 litre" },
      { size: 1, label: "2 litre" },
    ],
    text: "A rigid, puncture-resistant container with a lid that locks shut. Drop each used cartridge straight in after a session; when it is three-quarters full, close it for good and dispose of it under your local rules for sharps.",
    image: "home-sharps-container",
    pro: false,
    dollars: 9,
  },
  {
    name: "Alcohol Prep Pads",
    unit: "pads",
    options: [
      { size: 50, label: "50 pads" },
      { size: 100, label: "100 pads" },
      { size: 200, label: "200 pads" },
    ],
    text: "Non-woven pads soaked in 70% isopropyl alcohol, each in a sealed sachet, for wiping down the pen body and the work surface before and after a session.",
    image: "alcohol-prep-pads",
    pro: false,
    dollars: 5,
  },
  {
    name: "Nitrile Gloves",
    unit: "gloves",
    options: [
      { size: 100, label: "Small, 100 gloves" },
      { size: 100, label: "Medium, 100 gloves" },
      { size: 100, label: "Large, 100 gloves" },
    ],
    text: "Powder-free, latex-free nitrile examination gloves for a clean set-up. Non-sterile; put on a fresh pair for every session.",
    image: "pen-barrier-sleeves",
    pro: false,
    dollars: 11,
  },
  {
    name: "Pen Barrier Sleeves",
    unit: "sleeves",
    options: [
      { size: 100, label: "100 sleeves" },
      { size: 250, label: "250 sleeves" },
      { size: 500, label: "500 sleeves" },
    ],
    text: "Thin, disposable polyethylene sleeves sized for the Stillpoint P2 Professional Pen body. A fresh sleeve for each client keeps the pen body covered; the cartridge clicks in through the open end. Non-sterile, single-use.",
    image: "pen-barrier-sleeves",
    pro: true,
    dollars: 14,
  },
  {
    name: "Cotton Headband",
    unit: "headbands",
    options: [
      { size: 1, label: "1 headband" },
      { size: 3, label: "3 headbands" },
    ],
    text: "A soft, washable cotton headband that keeps hair away from the face while you prepare the skin and work.",
    image: "alcohol-prep-pads",
    pro: false,
    dollars: 7,
  },
  {
    name: "Pen Travel Case",
    unit: "case",
    options: [{ size: 1, label: "1 case" }],
    text: "A zipped, padded case with a moulded slot for a Stillpoint pen, its charging cable and a box of cartridges. Wipe it clean with a damp cloth.",
    image: "home-sharps-container",
    pro: false,
    dollars: 19,
  },
  {
    name: "Lint-Free Wipes",
    unit: "wipes",
    options: [
      { size: 100, label: "100 wipes" },
      { size: 300, label: "300 wipes" },
    ],
    text: "Low-lint, non-woven wipes for drying the skin after cleansing and for setting out a clean work surface.",
    image: "alcohol-prep-pads",
    pro: false,
    dollars: 6,
  },
];

const ACCESSORY_WORDS = ["Everyday", "Studio", "Essential", "Compact", "Value", "Tidy", "Ready"];

function accessory(index: number, rng: Rng): SeedProduct {
  const serial = serialOf(index);
  const t = rng.pick(ACCESSORY_TYPES);
  const word = rng.pick(ACCESSORY_WORDS);
  const options = rng.some(t.options, rng.int(1, t.options.length));
  const code = t.name
    .split(/[^A-Za-z]+/)
    .map((w) => w[0])
    .join("")
    .toUpperCase();
  return {
    slug: `${word} ${t.name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-") + `-s${serial}`,
    kind: "ACCESSORY",
    name: `${word} ${t.name} (S${serial})`,
    tagline: `${t.text.split(". ")[0]!.replace(/\.$/, "")}.`,
    description: [t.text, `Available as ${listNames(options.map((o) => o.label))}.`].join("\n\n"),
    publishedAt: publishedAt(rng),
    concerns: ["general-care"],
    areas: ALL_AREAS,
    variants: options.map((o, i) => ({
      sku: `ACC-${code}-S${serial}-${i + 1}`,
      label: o.label,
      priceCents: price(t.dollars * (1 + i * 0.8) + rng.int(0, 4)),
      stock: stock(rng),
      packSize: o.size,
      packUnit: t.unit,
      homeUse: true,
    })),
    guide: t.pro ? PRO_GUIDE : HOME_GUIDE,
    imagePath: `/images/products/${t.image}.svg`,
  };
}

// ------------------------------------------------------------------- kits

// Kits hold products of the hand-written catalog, so their contents exist at any count.
const HOME_KIT_CARTRIDGES = ["CRT-N-10", "CRT-12-10", "CRT-16-10", "CRT-24-10", "CRT-36-10"];
const HOME_KIT_AFTERCARE = ["SRM-HA-30", "MST-GEN-50", "SPF-MIN-50", "CLN-GEN-150"];
const KIT_NAMES = ["Essentials", "Routine", "Weekend", "Season", "Discovery", "Gift", "Duo", "Refresh", "Calm"];

function kit(index: number, rng: Rng): SeedProduct {
  const serial = serialOf(index);
  const pro = rng.chance(0.2);
  const word = rng.pick(KIT_NAMES);
  if (pro) {
    const cartridges = rng.some(["CRT-42-10", "CRT-36-10", "CRT-24-10"], rng.int(1, 2));
    return {
      slug: `professional-${word.toLowerCase()}-kit-s${serial}`,
      kind: "KIT",
      name: `Professional ${word} Kit (S${serial})`,
      tagline: "The P2 professional pen with cartridges and barrier sleeves, for trained professionals.",
      description: [
        `The Stillpoint P2 Professional Pen, adjustable from 0 to 2.5 mm, with ${cartridges.length === 1 ? "a box" : `${cartridges.length} boxes`} of cartridges, 100 disposable pen barrier sleeves, a hard carry case and a printed instruction booklet.`,
        "This kit is sold for trained professionals only and is not offered for home use. A professional account is needed to order it.",
        "Every cartridge is single-use, individually blister-packed and sterile-sealed, with a lot number and expiry date on each blister.",
      ].join("\n\n"),
      publishedAt: publishedAt(rng),
      penModel: "stillpoint-p2",
      concerns: rng.some(["texture", "uneven-tone", "fine-lines"], rng.int(2, 3)),
      areas: ["forehead", "cheeks", "chin-jaw", "neck", "decollete"],
      variants: [
        {
          sku: `KIT-PRO-S${serial}`,
          label: "Professional kit",
          priceCents: price(rng.int(259, 399)),
          stock: stock(rng),
          packSize: 1,
          packUnit: "kit",
          maxDepthMm: 2.5,
          homeUse: false,
        },
      ],
      kitItems: [
        { pen: "stillpoint-p2", quantity: 1 },
        ...cartridges.map((sku) => ({ sku, quantity: 1 })),
        { sku: "SLV-100", quantity: 1 },
        { label: "Hard carry case", quantity: 1 },
        { label: "Printed instruction booklet", quantity: 1 },
      ],
      guide: PRO_GUIDE,
      imagePath: "/images/products/professional-kit.svg",
    };
  }
  const cartridges = rng.some(HOME_KIT_CARTRIDGES, rng.int(1, 2));
  const care = rng.some(HOME_KIT_AFTERCARE, rng.int(1, 3));
  const travel = rng.chance(0.4);
  return {
    slug: `home-${word.toLowerCase()}-kit-s${serial}`,
    kind: "KIT",
    name: `Home ${word} Kit (S${serial})`,
    tagline: `The H1 home pen with ${cartridges.length === 1 ? "a box" : "two boxes"} of cartridges, aftercare and a sharps container.`,
    description: [
      "The Stillpoint H1 Home Pen has a depth dial that stops at 0.5 mm and five speed levels. This kit pairs it with the cartridges and aftercare listed below, a 1 litre sharps container for used cartridges and a printed instruction booklet covering depth by area, hygiene, cartridge fitting and disposal.",
      `Every cartridge in the kit is single-use and sterile-sealed.${travel ? " A zipped travel case keeps the pen and a box of cartridges together." : ""}`,
      "Buyers confirm they are 18 or over at checkout.",
    ].join("\n\n"),
    publishedAt: publishedAt(rng),
    penModel: "stillpoint-h1",
    concerns: rng.some(CARTRIDGE_CONCERNS, rng.int(3, 5)),
    areas: FACE,
    variants: [
      {
        sku: `KIT-HOME-S${serial}`,
        label: "Home kit",
        priceCents: price(rng.int(99, 189)),
        stock: stock(rng),
        packSize: 1,
        packUnit: "kit",
        maxDepthMm: 0.5,
        homeUse: true,
      },
    ],
    kitItems: [
      { pen: "stillpoint-h1", quantity: 1 },
      ...cartridges.map((sku) => ({ sku, quantity: 1 })),
      ...care.map((sku) => ({ sku, quantity: 1 })),
      { sku: "SHP-1L", quantity: 1 },
      ...(travel ? [{ label: "Travel case", quantity: 1 }] : []),
      { label: "Charging cable", quantity: 1 },
      { label: "Printed instruction booklet", quantity: 1 },
    ],
    guide: HOME_GUIDE,
    // The drawing with a travel case for the kits that have one.
    imagePath: `/images/products/${travel ? "home-complete-kit" : "home-starter-kit"}.svg`,
  };
}

/** The i-th generated product (0-based): the same whatever the count. */
export function generatedProduct(index: number): SeedProduct {
  const rng = rngFor(index);
  const roll = rng.next();
  if (roll < 0.58) return cartridge(index, rng);
  if (roll < 0.8) return aftercare(index, rng);
  if (roll < 0.92) return accessory(index, rng);
  return kit(index, rng);
}

/** The first `count` generated products. */
export function generatedProducts(count: number): SeedProduct[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => generatedProduct(i));
}
