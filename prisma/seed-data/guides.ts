// Stillpoint seed instruction guides: one for home use, one for trained
// professionals using the P2 pen. prisma/seed.ts publishes each guide and
// attaches it to the products listed in productSlugs.
//
// Copy rules: plain, calm, second person, short sentences. Inform, never
// promise. Cosmetic wording only: no device or drug claims, no third-party pen
// trademarks. Home depths stop at 0.5 mm on the face and 0.25 mm on thin skin
// and for beginners; everything deeper is professional only.
//
// Every section must pass parseGuideContent (lib/guides/content.ts).
import type { DepthGuide, GuideContent } from "../../lib/guides/content";

export type SeedGuide = {
  slug: string;
  title: string;
  /** One or two sentences for the instructions hub. */
  summary: string;
  audience: "home" | "professional";
  /** Products this guide serves. */
  productSlugs: string[];
  content: GuideContent;
};

// ------------------------------------------------------------------ depth table
// One shared table, so the home values are identical in both guides. Each row
// carries a note for home users and a note for practitioners.

const HOME_FACE_MAX_MM = 0.5;
const BEGINNER_MAX_MM = 0.25;

const depthAreas: DepthGuide["areas"] = [
  { slug: "forehead", name: "Forehead", thinSkin: false },
  { slug: "nose", name: "Nose", thinSkin: false },
  { slug: "around-eyes", name: "Around the eyes (outside the orbital rim)", thinSkin: true },
  { slug: "upper-lip", name: "Upper lip", thinSkin: false },
  { slug: "cheeks", name: "Cheeks", thinSkin: false },
  { slug: "chin-jaw", name: "Chin and jawline", thinSkin: false },
  { slug: "neck", name: "Neck", thinSkin: true },
  { slug: "decollete", name: "Décolleté", thinSkin: true },
  { slug: "hands", name: "Backs of hands", thinSkin: true },
  { slug: "body", name: "Body", thinSkin: false },
];

const depthConcerns: DepthGuide["concerns"] = [
  { slug: "texture", name: "Skin texture" },
  { slug: "pores", name: "Visible pores" },
  { slug: "fine-lines", name: "Fine lines" },
  { slug: "uneven-tone", name: "Uneven-looking tone" },
  { slug: "acne-scar-texture", name: "Acne-scar texture" },
  { slug: "stretch-marks", name: "Stretch marks" },
  { slug: "general", name: "General skin care" },
];

type DepthRow = {
  area: string;
  concern: string;
  homeMinMm: number | null;
  homeMaxMm: number | null;
  professionalReferenceMm: string | null;
  homeNote: string | null;
  proNote: string | null;
};

// Notes reused across rows.
const FACE_STEP_UP = "Start at 0.25 mm. Move up to 0.5 mm only after your skin has settled well from a session at 0.25 mm.";
const THIN_SKIN_HOME = "Thin skin: keep to 0.25 mm. Do not go deeper here at home.";
const THIN_SKIN_PRO_DERIVED =
  "Thin skin. This reference range is derived from skin-thickness data; no published chart with figures was found. Work conservatively.";
const SCAR_HOME =
  "At home this is cosmetic surface work on the texture around old marks only, at 0.25–0.5 mm. Work on the scars themselves is professional and needs a trained practitioner.";
const SCAR_PRO =
  "Home users are told to keep to cosmetic surface work here at 0.25–0.5 mm. Scar work at the reference depths belongs to trained practitioners in a clinical setting, within local rules.";
const SCAR_NOT_HOME = "Not for home use. Any scar work in this area is for a trained practitioner.";
const SCAR_NOT_HOME_PRO =
  "Professional only. No reference range is given here. Assess each client individually and refer on where the work is outside your training.";
const TONE_PRO = "Clients who tend to get dark marks after skin injury need extra care: screen them first and choose the lower end of the range.";

const depthRows: DepthRow[] = [
  // Forehead and between the brows.
  {
    area: "forehead",
    concern: "fine-lines",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.0",
    homeNote: FACE_STEP_UP,
    proNote: "Skin lies close to bone here. Keep passes light.",
  },
  {
    area: "forehead",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.0",
    homeNote: FACE_STEP_UP,
    proNote: "Skin lies close to bone here. Keep passes light.",
  },
  { area: "forehead", concern: "uneven-tone", homeMinMm: 0.25, homeMaxMm: 0.5, professionalReferenceMm: "0.5–1.0", homeNote: FACE_STEP_UP, proNote: TONE_PRO },
  {
    area: "forehead",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.0",
    homeNote: FACE_STEP_UP,
    proNote: "Skin lies close to bone here. Keep passes light.",
  },
  {
    area: "forehead",
    concern: "acne-scar-texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "1.0–2.0",
    homeNote: SCAR_HOME,
    proNote: `Includes the temples. ${SCAR_PRO}`,
  },

  // Nose.
  {
    area: "nose",
    concern: "pores",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5 (up to 0.75)",
    homeNote: "Keep to 0.25 mm. A small cartridge, such as the 12-pin, is easier to steer around the nose.",
    proNote: "Skin over the nasal bridge is thin; the lower sidewalls are thicker. Adjust depth across the nose.",
  },
  {
    area: "nose",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5 (up to 0.75)",
    homeNote: "Keep to 0.25 mm. Stay on the outside of the nose only.",
    proNote: "Skin over the nasal bridge is thin; the lower sidewalls are thicker. Adjust depth across the nose.",
  },
  {
    area: "nose",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5 (up to 0.75)",
    homeNote: "Keep to 0.25 mm. Stay on the outside of the nose only.",
    proNote: "Skin over the nasal bridge is thin; the lower sidewalls are thicker. Adjust depth across the nose.",
  },
  {
    area: "nose",
    concern: "acne-scar-texture",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: null,
    homeNote: SCAR_NOT_HOME,
    proNote: SCAR_NOT_HOME_PRO,
  },

  // Around the eyes, outside the orbital rim only.
  {
    area: "around-eyes",
    concern: "fine-lines",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5",
    homeNote: "0.25 mm only. Stay outside the bony rim around the eye, and never work on the eyelids.",
    proNote: "The thinnest skin on the face. Outside the orbital rim only, never on the eyelids.",
  },
  {
    area: "around-eyes",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5",
    homeNote: "0.25 mm only. Stay outside the bony rim around the eye, and never work on the eyelids.",
    proNote: "The thinnest skin on the face. Outside the orbital rim only, never on the eyelids.",
  },
  {
    area: "around-eyes",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5",
    homeNote: "0.25 mm only. Stay outside the bony rim around the eye, and never work on the eyelids.",
    proNote: "The thinnest skin on the face. Outside the orbital rim only, never on the eyelids.",
  },
  {
    area: "around-eyes",
    concern: "acne-scar-texture",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: null,
    homeNote: SCAR_NOT_HOME,
    proNote: SCAR_NOT_HOME_PRO,
  },

  // Upper lip and the skin around the mouth.
  {
    area: "upper-lip",
    concern: "fine-lines",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.75",
    homeNote: "0.25 mm only. Work on the skin above the lip, never on the lips themselves.",
    proNote: "Perioral skin. Stay off the vermilion border and the lips.",
  },
  {
    area: "upper-lip",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.75",
    homeNote: "0.25 mm only. Work on the skin above the lip, never on the lips themselves.",
    proNote: "Perioral skin. Stay off the vermilion border and the lips.",
  },
  {
    area: "upper-lip",
    concern: "acne-scar-texture",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: null,
    homeNote: SCAR_NOT_HOME,
    proNote: SCAR_NOT_HOME_PRO,
  },

  // Cheeks.
  {
    area: "cheeks",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.5",
    homeNote: FACE_STEP_UP,
    proNote: "Thicker skin over the cheekbones; thinner toward the eyes. Adjust depth across the area.",
  },
  {
    area: "cheeks",
    concern: "pores",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.5",
    homeNote: FACE_STEP_UP,
    proNote: "Thicker skin over the cheekbones; thinner toward the eyes. Adjust depth across the area.",
  },
  { area: "cheeks", concern: "uneven-tone", homeMinMm: 0.25, homeMaxMm: 0.5, professionalReferenceMm: "0.5–1.5", homeNote: FACE_STEP_UP, proNote: TONE_PRO },
  {
    area: "cheeks",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.5",
    homeNote: FACE_STEP_UP,
    proNote: "Thicker skin over the cheekbones; thinner toward the eyes. Adjust depth across the area.",
  },
  { area: "cheeks", concern: "acne-scar-texture", homeMinMm: 0.25, homeMaxMm: 0.5, professionalReferenceMm: "1.0–2.0", homeNote: SCAR_HOME, proNote: SCAR_PRO },

  // Chin and jawline.
  {
    area: "chin-jaw",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.0",
    homeNote: FACE_STEP_UP,
    proNote: "Work along the jawline in short sections; skin changes thickness over the bone.",
  },
  { area: "chin-jaw", concern: "uneven-tone", homeMinMm: 0.25, homeMaxMm: 0.5, professionalReferenceMm: "0.5–1.0", homeNote: FACE_STEP_UP, proNote: TONE_PRO },
  {
    area: "chin-jaw",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.0",
    homeNote: FACE_STEP_UP,
    proNote: "Work along the jawline in short sections; skin changes thickness over the bone.",
  },
  {
    area: "chin-jaw",
    concern: "acne-scar-texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.5,
    professionalReferenceMm: "0.5–1.0",
    homeNote: SCAR_HOME,
    proNote: SCAR_PRO,
  },

  // Neck.
  {
    area: "neck",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.5–1.0",
    homeNote: THIN_SKIN_HOME,
    proNote: THIN_SKIN_PRO_DERIVED,
  },
  {
    area: "neck",
    concern: "fine-lines",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.5–1.0",
    homeNote: THIN_SKIN_HOME,
    proNote: THIN_SKIN_PRO_DERIVED,
  },
  {
    area: "neck",
    concern: "uneven-tone",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.5–1.0",
    homeNote: THIN_SKIN_HOME,
    proNote: `${THIN_SKIN_PRO_DERIVED} ${TONE_PRO}`,
  },
  {
    area: "neck",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.5–1.0",
    homeNote: THIN_SKIN_HOME,
    proNote: THIN_SKIN_PRO_DERIVED,
  },
  {
    area: "neck",
    concern: "acne-scar-texture",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: null,
    homeNote: SCAR_NOT_HOME,
    proNote: SCAR_NOT_HOME_PRO,
  },

  // Décolleté.
  {
    area: "decollete",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.5–1.0",
    homeNote: THIN_SKIN_HOME,
    proNote: THIN_SKIN_PRO_DERIVED,
  },
  {
    area: "decollete",
    concern: "uneven-tone",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.5–1.0",
    homeNote: `${THIN_SKIN_HOME} Sun protection matters most here in the days after.`,
    proNote: `${THIN_SKIN_PRO_DERIVED} ${TONE_PRO}`,
  },
  {
    area: "decollete",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.5–1.0",
    homeNote: THIN_SKIN_HOME,
    proNote: THIN_SKIN_PRO_DERIVED,
  },
  {
    area: "decollete",
    concern: "acne-scar-texture",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: null,
    homeNote: SCAR_NOT_HOME,
    proNote: SCAR_NOT_HOME_PRO,
  },

  // Backs of the hands.
  {
    area: "hands",
    concern: "texture",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5",
    homeNote: THIN_SKIN_HOME,
    proNote: THIN_SKIN_PRO_DERIVED,
  },
  {
    area: "hands",
    concern: "uneven-tone",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5",
    homeNote: THIN_SKIN_HOME,
    proNote: `${THIN_SKIN_PRO_DERIVED} ${TONE_PRO}`,
  },
  {
    area: "hands",
    concern: "general",
    homeMinMm: 0.25,
    homeMaxMm: 0.25,
    professionalReferenceMm: "0.25–0.5",
    homeNote: THIN_SKIN_HOME,
    proNote: THIN_SKIN_PRO_DERIVED,
  },
  {
    area: "hands",
    concern: "acne-scar-texture",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: null,
    homeNote: SCAR_NOT_HOME,
    proNote: SCAR_NOT_HOME_PRO,
  },

  // Body.
  {
    area: "body",
    concern: "stretch-marks",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: "1.5–2.0",
    homeNote: "Not for home use. Work on stretch marks needs depths well beyond the home range and belongs with a trained practitioner in a clinical setting.",
    proNote: "Professional only. Some published ranges go up to 2.5 mm. Clinical setting and trained practitioners only.",
  },
  {
    area: "body",
    concern: "acne-scar-texture",
    homeMinMm: null,
    homeMaxMm: null,
    professionalReferenceMm: null,
    homeNote: SCAR_NOT_HOME,
    proNote: SCAR_NOT_HOME_PRO,
  },
];

function depthEntries(audience: "home" | "professional"): DepthGuide["entries"] {
  return depthRows.map((row) => ({
    area: row.area,
    concern: row.concern,
    homeMinMm: row.homeMinMm,
    homeMaxMm: row.homeMaxMm,
    professionalReferenceMm: row.professionalReferenceMm,
    note: audience === "home" ? row.homeNote : row.proNote,
  }));
}

// ------------------------------------------------------------- shared content
// Sections whose facts are the same for both audiences.

const AFTERCARE_0_24 = ["gentle-cleanser", "soothing-hydrating-serum", "gentle-barrier-moisturizer", "aftercare-trio"];
const AFTERCARE_24_72 = ["mineral-spf-30-sunscreen", "gentle-barrier-moisturizer", "soothing-hydrating-serum", "aftercare-trio"];
const AFTERCARE_3_7 = ["mineral-spf-30-sunscreen", "gentle-barrier-moisturizer"];
const AFTERCARE_1_2W = ["mineral-spf-30-sunscreen"];

const avoidAreas = [
  "Eyelids, and anywhere inside the bony rim around the eye",
  "The lips themselves",
  "Inside the nose",
  "Active acne, spots or pustules",
  "Cold sores",
  "Moles, warts, and any raised or unusual lesions",
  "Broken, irritated or sunburnt skin",
  "Tattoos",
];

// ---------------------------------------------------------------- home guide

const homeContent: GuideContent = {
  PREPARATION: {
    intro: "A calm, clean start makes for a safer session. Give yourself time, good light and a tidy space. Check the contraindications first, every time.",
    youWillNeed: [
      "Your Stillpoint home pen, charged",
      "A new, sealed cartridge for this session",
      "A gentle cleanser",
      "Alcohol prep pads (70% isopropyl)",
      "A plain hydrating glide, such as a simple hyaluronic acid gel with no other actives",
      "A small clean dish for the glide",
      "A clean towel",
      "Your sharps container",
      "A broad-spectrum sunscreen, SPF 30 or higher, for the days after",
    ],
    steps: [
      'Read the section "Who must not use it" before you begin. If anything on the "Do not use" list applies to you, do not go ahead.',
      "If you take any prescribed medicine, keep taking it as prescribed. Ask your clinician whether a session is suitable for you. Never stop a prescribed medicine to fit in a session.",
      "Look closely at the skin you plan to work on. Skip the session if the area has active breakouts, a cold sore, or broken or sunburnt skin. Wait until the skin is clear and calm.",
      "If this is your first session, start with a small area at 0.25 mm. Wait a day or two to see how your skin responds before you do more.",
      "Tie your hair back and keep it off your face.",
      "Double-cleanse. First wash to lift off makeup and sunscreen, then cleanse again with a gentle cleanser to clear away oil. Pat dry with a clean towel.",
      "Wipe down a clean, flat work surface with an alcohol pad. Lay out everything you need.",
      "Pour a little glide into a clean dish. Take what you need from the dish, not the bottle, during the session.",
      "Use a plain hyaluronic glide only. Do not use vitamin C, retinol or exfoliating acids during the session.",
    ],
  },

  NUMBING: {
    paragraphs: [
      "Numbing is optional. At home depths of 0.25–0.5 mm, most people find they do not need it.",
      "If you are thinking about using a numbing cream, ask a pharmacist or clinician first. They can tell you whether a product suits you and how to use it.",
      "Stillpoint does not sell numbing products.",
    ],
    cautions: [
      "Never use a product that contains more than 4% lidocaine.",
      "Do not apply it thickly, and do not spread it over large areas of skin.",
      "Do not cover it with plastic wrap or a dressing, and do not apply heat.",
      "Follow the timing on the product label. Do not leave it on for longer.",
      "Remove it completely before you start, then cleanse the skin again.",
      "Do not use a numbing product if you have ever reacted badly to a local anaesthetic.",
    ],
  },

  PEN_SETUP: {
    steps: [
      "Wash your hands with soap and water, then dry them on a clean towel.",
      "Wipe the whole pen body with an alcohol prep pad, or a clean cloth moistened with 70% isopropyl alcohol. Let it dry fully in the air.",
      "Take out a new cartridge. Check that the blister is sealed and undamaged, and that the expiry date has not passed.",
      "Open the blister without touching the needle end of the cartridge.",
      "Fit the cartridge as your pen's own instructions describe. Press it in until it clicks and sits firmly.",
      "If the cartridge does not slide in easily, stop. Never force a cartridge that does not fit. Check that it is made for your pen model.",
      "Set the depth. Start at 0.25 mm. Never go above 0.5 mm on the face, or above 0.25 mm on thin skin.",
      "Set the speed to the lowest level.",
      "Switch the pen on, away from your skin, and check that it runs smoothly.",
    ],
    warnings: [
      "Never reuse a cartridge, and never share one with anyone.",
      "Never use a cartridge with a broken seal, bent pins, or a date past its expiry.",
      "A cartridge that does not click in firmly must not be used. Put it straight into the sharps container.",
      "The first-edition H0 pen takes only the nano, 12-pin and 16-pin cartridges and the starter mixed pack. Do not try to fit other cartridges to it.",
    ],
  },

  TECHNIQUE: {
    steps: [
      "Spread a thin layer of glide over one small section at a time.",
      "Hold the pen perpendicular to the skin, at 90°.",
      "Use light, even pressure. Let the pen do the work; do not press down.",
      "Work in small sections of about 2–3 cm².",
      "Make passes in a vertical direction first, then horizontal, then diagonal.",
      "Keep the pen moving at a steady pace. Do not dwell on one spot, and do not stamp slowly in one place.",
      "Aim for an even pinkness only.",
      "If you see pinpoint bleeding, you are too deep for home use. Stop, and reduce the depth before you go on.",
      "Move on to the next section and repeat. Skip every place on the list of areas to avoid.",
      "When you finish, put the cartridge straight into the sharps container.",
      "Clean the pen body with a fresh alcohol pad and let it dry before you put it away.",
      "Rinse your skin with lukewarm water, pat dry, and follow the aftercare timeline.",
    ],
    avoidAreas,
    speedLevels: [
      { area: "Any area, first session", level: "Start at level 1" },
      { area: "Nose and upper lip", level: "1–2" },
      { area: "Around the eyes (outside the orbital rim)", level: "1–2" },
      { area: "Forehead", level: "1–3" },
      { area: "Cheeks", level: "2–4" },
      { area: "Chin and jawline", level: "2–4" },
      { area: "Neck, décolleté and backs of hands", level: "1–2" },
    ],
  },

  DEPTH_GUIDE: {
    intro:
      "Find the area and concern you have in mind. The home depth is the range these instructions allow. At home, the limit is 0.5 mm on the face, and 0.25 mm on thin skin and for beginners. The professional range is shown for information only. It is not an instruction for home use.",
    homeFaceMaxMm: HOME_FACE_MAX_MM,
    beginnerMaxMm: BEGINNER_MAX_MM,
    areas: depthAreas,
    concerns: depthConcerns,
    entries: depthEntries("home"),
  },

  AFTERCARE: {
    windows: [
      {
        key: "0-24h",
        title: "The first 24 hours",
        guidance: [
          "Expect redness and warmth, much like a mild sunburn.",
          "Cleanse gently, with lukewarm water and a mild cleanser only. Pat dry with a clean towel.",
          "Follow with a bland, hydrating serum or a simple moisturizer.",
          "Keep your hands off the area, and sleep on a clean pillowcase.",
        ],
        avoid: [
          "Makeup of any kind for 24 hours",
          "Sweaty exercise",
          "Swimming, in a pool or the sea",
          "Saunas, steam rooms and hot baths",
          "Alcohol",
          "Direct sun",
        ],
        productSlugs: AFTERCARE_0_24,
      },
      {
        key: "24-72h",
        title: "24 to 72 hours",
        guidance: [
          "Redness and any flaking usually settle over these days.",
          "Stay out of direct sun as much as you can.",
          "Each morning, apply a broad-spectrum sunscreen of SPF 30 or higher. A mineral sunscreen is the better choice. Reapply when you are outdoors.",
          "Keep your skin hydrated with a gentle moisturizer.",
          "From day 2 you can wear mineral makeup, if your skin feels calm.",
        ],
        avoid: ["Picking or peeling flaking skin", "Direct sun without sunscreen", "Sweaty exercise until the redness has gone"],
        productSlugs: AFTERCARE_24_72,
      },
      {
        key: "3-7d",
        title: "Days 3 to 7",
        guidance: [
          "Keep using sunscreen every day.",
          "Keep your skin hydrated.",
          "If you use a prescription retinoid, ask your prescriber when to start it again.",
        ],
        avoid: [
          "Retinoids, including retinol",
          "AHA and BHA acids",
          "Benzoyl peroxide",
          "Scrubs and other exfoliating products",
          "Toners that contain alcohol",
          "Other procedures, such as peels, laser or injectables",
          "Tanning, including sunbeds",
        ],
        productSlugs: AFTERCARE_3_7,
      },
      {
        key: "1-2w",
        title: "Weeks 1 to 2",
        guidance: [
          "Keep limiting your time in the sun.",
          "Wear a broad-spectrum sunscreen every day, even when it is cloudy.",
          "Wait until your skin has fully settled before you plan the next session.",
        ],
        avoid: ["Long spells in strong sun", "Sunbeds"],
        productSlugs: AFTERCARE_1_2W,
      },
    ],
    redFlags: [
      "Redness or pain that comes back or gets worse after it had settled",
      "Pus, or yellow crusting on the skin",
      "A fever",
      "A rash or swelling that spreads",
      "Blisters",
      "Dark patches appearing on the skin",
      "If you notice any of these, stop using the pen and see a clinician.",
    ],
  },

  INTERVALS: {
    rows: [
      { depth: "0.25 mm", minDaysBetween: 14, text: "Wait at least 14 days (2 weeks) between sessions on the same area." },
      { depth: "0.5 mm", minDaysBetween: 28, text: "Wait at least 28 days (4 weeks) between sessions on the same area." },
      {
        depth: "1.0 mm and deeper",
        minDaysBetween: 28,
        text: "Professional only, not for home use. Trained practitioners usually space these sessions 28–42 days (4–6 weeks) apart.",
      },
    ],
    note: "These are minimums. Wait until your skin has fully settled before the next session. Never needle skin that is still red or flaking.",
  },

  CONTRAINDICATIONS: {
    intro:
      'Read this list before every session, not just the first. If anything under "Do not use" applies to you, do not use the pen. If anything under "Ask first" applies, speak to a clinician before you start. Keep taking any prescribed medicine; ask your clinician rather than stopping it.',
    doNotUse: [
      "Active acne or pustules in the area",
      "An active skin infection of any kind: bacterial, fungal, or viral such as a cold sore",
      "Open wounds, cuts or sunburn",
      "Eczema, psoriasis or rosacea that is flaring",
      "A history of keloids or raised scarring",
      "Skin cancer, a suspicious lesion, or a raised mole or wart in the area",
      "Pregnancy or breastfeeding",
      "An allergy to stainless steel or nickel",
      "Isotretinoin taken now or in the last 6 months, unless your dermatologist advises otherwise",
      "You are under 18",
    ],
    askFirst: [
      "A bleeding disorder, or medication that thins the blood",
      "Diabetes",
      "A weakened immune system, or chemotherapy or radiotherapy",
      "A chemical peel in the last 30 days, neuromodulator injections in the last 3 months, or dermal filler in the area",
      "A tendency to get dark marks after a cut, spot or other skin injury",
      "Any prescribed skin medication",
    ],
  },

  DISPOSAL: {
    singleUse: [
      "Use one new, sterile cartridge for each session, then throw it away.",
      "Never reuse a cartridge, and never clean one to use again. Cleaning does not make it sterile again.",
      "Never share a pen cartridge with anyone, even family.",
      "Check the seal before you open a cartridge. If the blister is torn or open, do not use it.",
    ],
    disposal: [
      "Drop the used cartridge into a sharps container the moment you finish. Do not set it down first.",
      "If you do not have a sharps container, use a heavy-duty plastic household bottle with a screw lid, such as a laundry detergent bottle. It must resist punctures and leaks.",
      "Keep the lid closed between sessions.",
      "When the container is about three-quarters full, close it for good. Dispose of it following your local rules for sharps.",
      "Never flush a used cartridge, put it in recycling, or drop it loose in household trash.",
      "Keep the container out of reach of children and pets.",
    ],
  },
};

// -------------------------------------------------------- professional guide

const professionalContent: GuideContent = {
  PREPARATION: {
    intro:
      "This guide is for trained professionals using the Stillpoint P2 Professional Pen. Work within your training, your scope of practice and your local rules. Screen every client against the contraindications before every session.",
    youWillNeed: [
      "The Stillpoint P2 Professional Pen, charged",
      "A new, sealed cartridge for each client",
      "A new pen barrier sleeve for each client",
      "Single-use gloves",
      "A gentle cleanser",
      "Alcohol prep pads (70% isopropyl)",
      "A plain hydrating glide, such as a simple hyaluronic acid gel with no other actives",
      "A small clean dish for the glide",
      "A clean towel",
      "A sharps container",
      "A broad-spectrum sunscreen for your client to use in the following days",
    ],
    steps: [
      "Take a history and screen your client against the contraindications. Repeat the screening at every visit.",
      "Never advise a client to stop a prescribed medicine. Ask them to check with their prescriber or clinician first.",
      "Check the area. Do not go ahead if it has active breakouts, a cold sore, or broken or sunburnt skin. Rebook once the skin is clear.",
      "Agree the plan and the depth with your client, and record both.",
      "Ask your client to tie their hair back, or use a clean headband.",
      "Double-cleanse the area to remove makeup and oil. Pat dry with a clean towel.",
      "Clean and disinfect the work surface, then lay out what you need.",
      "Pour the glide into a clean dish. Do not touch the bottle once the session has started.",
      "Use a plain hyaluronic glide only. Do not use vitamin C, retinol or exfoliating acids during the session.",
      "Note the cartridge lot number and expiry date in the client record.",
    ],
  },

  NUMBING: {
    paragraphs: [
      "Numbing is optional. At shallow depths many clients do not need it.",
      "If you use a topical anaesthetic, follow your training, your local rules and the product label. If you are unsure, ask a pharmacist or the client's clinician first.",
      "Stillpoint does not sell numbing products.",
    ],
    cautions: [
      "Never use a product that contains more than 4% lidocaine.",
      "Do not apply it thickly, and do not spread it over large areas of skin.",
      "Do not cover it with plastic wrap or a dressing, and do not apply heat.",
      "Follow the timing on the product label. Do not leave it on for longer.",
      "Remove it completely before you start, then cleanse the skin again.",
      "Ask about any past reaction to local anaesthetics before you use one.",
    ],
  },

  PEN_SETUP: {
    steps: [
      "Wash your hands and put on fresh single-use gloves.",
      "Wipe the whole pen body with an alcohol prep pad, or 70% isopropyl alcohol. Let it dry fully in the air.",
      "Fit a new barrier sleeve over the pen body for this client.",
      "Take out a new cartridge. Check that the blister is sealed and undamaged, and that the expiry date has not passed.",
      "Open the blister without touching the needle end of the cartridge.",
      "Fit the cartridge through the open end of the sleeve, as the P2 pen's instructions describe. Press it in until it clicks and sits firmly.",
      "If the cartridge does not slide in easily, stop. Never force a cartridge that does not fit.",
      "Set the depth for the area you start on. Begin at the shallow end of the planned range; 0.25 mm is a sensible first setting.",
      "Set the speed to the lowest level.",
      "Switch the pen on, away from the skin, and check that it runs smoothly.",
    ],
    warnings: [
      "Never reuse a cartridge, and never use one cartridge on more than one client.",
      "Never use a cartridge with a broken seal, bent pins, or a date past its expiry.",
      "A cartridge that does not click in firmly must not be used. Put it straight into the sharps container.",
      "Use a new barrier sleeve for every client. The sleeves are not sterile and are single-use.",
      "The Wide 42 cartridge fits the P2 pen only. Do not fit it to a home pen.",
    ],
  },

  TECHNIQUE: {
    steps: [
      "Spread a thin layer of glide over one small section at a time.",
      "Hold the pen perpendicular to the skin, at 90°.",
      "Use light, even pressure. Let the pen do the work.",
      "Work in small sections of about 2–3 cm².",
      "Make passes in a vertical direction first, then horizontal, then diagonal.",
      "Keep the pen moving at a steady pace. Do not dwell on one spot, and do not stamp slowly in one place.",
      "At home-range depths, the endpoint is an even pinkness only.",
      "Uniform pinpoint bleeding shows that the needles are reaching the dermis. Work to that point only where your training and the agreed plan call for it.",
      "Adjust depth as you move between areas. Thin skin needs a shallower setting.",
      "When you finish, put the cartridge straight into the sharps container.",
      "Remove and discard the barrier sleeve. Clean the pen body with a fresh alcohol pad and let it dry.",
      "Rinse the skin with lukewarm water, pat dry, and go through the aftercare timeline with your client.",
    ],
    avoidAreas,
    speedLevels: [
      { area: "Any area, first pass", level: "Start at level 1" },
      { area: "Nose and upper lip", level: "1–2" },
      { area: "Around the eyes (outside the orbital rim)", level: "1–2" },
      { area: "Forehead", level: "1–3" },
      { area: "Cheeks", level: "2–4" },
      { area: "Chin and jawline", level: "2–4" },
      { area: "Neck, décolleté and backs of hands", level: "1–2" },
      { area: "Body", level: "2–4" },
    ],
  },

  DEPTH_GUIDE: {
    intro:
      "The P2 pen adjusts from 0 to 2.5 mm. The professional ranges below are published reference figures, shown for information. They are not a protocol. Deeper work belongs to trained practitioners in a clinical setting, within local rules. The home caps still apply to anything a client does at home: 0.5 mm on the face, and 0.25 mm on thin skin and for beginners.",
    homeFaceMaxMm: HOME_FACE_MAX_MM,
    beginnerMaxMm: BEGINNER_MAX_MM,
    areas: depthAreas,
    concerns: depthConcerns,
    entries: depthEntries("professional"),
  },

  AFTERCARE: {
    windows: [
      {
        key: "0-24h",
        title: "The first 24 hours",
        guidance: [
          "Tell your client to expect redness and warmth, much like a mild sunburn.",
          "Advise a gentle cleanse only, with lukewarm water and a mild cleanser. Pat dry.",
          "After that, a bland, hydrating serum or a simple moisturizer.",
          "Ask them to keep their hands off the area and to sleep on a clean pillowcase.",
        ],
        avoid: [
          "Makeup of any kind for 24 hours",
          "Sweaty exercise",
          "Swimming, in a pool or the sea",
          "Saunas, steam rooms and hot baths",
          "Alcohol",
          "Direct sun",
        ],
        productSlugs: AFTERCARE_0_24,
      },
      {
        key: "24-72h",
        title: "24 to 72 hours",
        guidance: [
          "Redness and any flaking usually settle over these days. After deeper work this can take longer.",
          "Advise your client to stay out of direct sun.",
          "A broad-spectrum sunscreen of SPF 30 or higher each morning, mineral preferred, reapplied outdoors.",
          "Keep the skin hydrated with a gentle moisturizer.",
          "Mineral makeup is fine from day 2, if the skin is calm.",
        ],
        avoid: ["Picking or peeling flaking skin", "Direct sun without sunscreen", "Sweaty exercise until the redness has gone"],
        productSlugs: AFTERCARE_24_72,
      },
      {
        key: "3-7d",
        title: "Days 3 to 7",
        guidance: ["Daily sunscreen and hydration continue.", "Clients on a prescription retinoid should ask their prescriber when to start it again."],
        avoid: [
          "Retinoids, including retinol",
          "AHA and BHA acids",
          "Benzoyl peroxide",
          "Scrubs and other exfoliating products",
          "Toners that contain alcohol",
          "Other procedures, such as peels, laser or injectables",
          "Tanning, including sunbeds",
        ],
        productSlugs: AFTERCARE_3_7,
      },
      {
        key: "1-2w",
        title: "Weeks 1 to 2",
        guidance: [
          "Advise your client to keep limiting time in the sun.",
          "A broad-spectrum sunscreen every day, even when it is cloudy.",
          "Book the next session only once the skin has fully settled.",
        ],
        avoid: ["Long spells in strong sun", "Sunbeds"],
        productSlugs: AFTERCARE_1_2W,
      },
    ],
    redFlags: [
      "Redness or pain that comes back or gets worse after it had settled",
      "Pus, or yellow crusting on the skin",
      "A fever",
      "A rash or swelling that spreads",
      "Blisters",
      "Dark patches appearing on the skin",
      "Tell your client to contact you and see a clinician straight away if they notice any of these.",
    ],
  },

  INTERVALS: {
    rows: [
      { depth: "0.25 mm", minDaysBetween: 14, text: "At least 14 days (2 weeks) between sessions on the same area." },
      { depth: "0.5 mm", minDaysBetween: 28, text: "At least 28 days (4 weeks) between sessions on the same area." },
      {
        depth: "1.0 mm and deeper",
        minDaysBetween: 28,
        text: "Professional only. Space sessions 28–42 days (4–6 weeks) apart, and allow longer, around 6–8 weeks, after the deepest work.",
      },
    ],
    note: "These are minimums. Wait until the skin has fully settled before the next session. Never needle skin that is still red or flaking.",
  },

  CONTRAINDICATIONS: {
    intro:
      'Screen every client at every visit. If anything under "Do not use" applies, do not go ahead. If anything under "Ask first" applies, the client should get advice from their clinician before a session. Never tell a client to stop a prescribed medicine.',
    doNotUse: [
      "Active acne or pustules in the area",
      "An active skin infection of any kind: bacterial, fungal, or viral such as a cold sore",
      "Open wounds, cuts or sunburn",
      "Eczema, psoriasis or rosacea that is flaring",
      "A history of keloids or raised scarring",
      "Skin cancer, a suspicious lesion, or a raised mole or wart in the area",
      "Pregnancy or breastfeeding",
      "An allergy to stainless steel or nickel",
      "Isotretinoin taken now or in the last 6 months, unless the client's dermatologist advises otherwise",
      "Clients under 18",
    ],
    askFirst: [
      "A bleeding disorder, or medication that thins the blood",
      "Diabetes",
      "A weakened immune system, or chemotherapy or radiotherapy",
      "A chemical peel in the last 30 days, neuromodulator injections in the last 3 months, or dermal filler in the area",
      "A tendency to get dark marks after a cut, spot or other skin injury",
      "Any prescribed skin medication",
    ],
  },

  DISPOSAL: {
    singleUse: [
      "Use one new, sterile cartridge for each client and each session, then discard it.",
      "Never reuse a cartridge, and never clean one to use again. Cleaning does not make it sterile again.",
      "Never share a pen cartridge between people, even members of one family.",
      "Check the seal before you open a cartridge. If the blister is torn or open, do not use it.",
      "Use a new barrier sleeve for each client and discard it after the session.",
    ],
    disposal: [
      "Drop the used cartridge into a sharps container the moment you finish. Do not set it down first.",
      "Keep a proper sharps container in the clinic. If none is to hand, use a heavy-duty plastic bottle with a screw lid that resists punctures and leaks, and replace it with a proper container soon.",
      "When the container is about three-quarters full, close it for good. Dispose of it following your local rules for sharps and clinical waste.",
      "Never flush a used cartridge, put it in recycling, or drop it loose in general waste.",
      "Keep sharps containers out of reach of children and pets, and away from client areas.",
    ],
  },
};

// -------------------------------------------------------------------- guides

export const guides: SeedGuide[] = [
  {
    slug: "home-microneedling-guide",
    title: "Home microneedling guide",
    summary:
      "How to prepare, set up the home pen, choose a depth and look after your skin afterwards. It also covers who must not use a pen and how to dispose of cartridges safely.",
    audience: "home",
    productSlugs: [
      // Kits.
      "home-starter-kit",
      "home-complete-kit",
      // Home cartridges.
      "nano-surface-cartridge",
      "precision-12-cartridge",
      "balance-16-cartridge",
      "balance-24-cartridge",
      "coverage-36-cartridge",
      "starter-mixed-cartridge-pack",
      // Aftercare.
      "soothing-hydrating-serum",
      "gentle-barrier-moisturizer",
      "mineral-spf-30-sunscreen",
      "gentle-cleanser",
      "aftercare-trio",
      // Accessories.
      "home-sharps-container",
      "alcohol-prep-pads",
    ],
    content: homeContent,
  },
  {
    slug: "professional-pen-guide",
    title: "Professional pen guide (P2)",
    summary:
      "For trained professionals using the Stillpoint P2 pen: preparation, setup with barrier sleeves, technique, reference depths, client aftercare and disposal. Deeper work belongs to trained practitioners in a clinical setting.",
    audience: "professional",
    productSlugs: ["professional-kit", "wide-42-cartridge", "pen-barrier-sleeves"],
    content: professionalContent,
  },
];
