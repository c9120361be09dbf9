import type { Rng } from "./demo.random.ts";

/** Invented but ordinary Pakistani names and firm names for petitioners; any likeness to a real party is chance. */

const MALE = [
  "Muhammad Aslam",
  "Muhammad Ather",
  "Muhammad Tariq",
  "Muhammad Nawaz",
  "Ghulam Rasool",
  "Ghulam Mustafa",
  "Abdul Rehman",
  "Abdul Rasheed",
  "Ali Raza",
  "Imran",
  "Asif",
  "Khalid",
  "Shahid Mehmood",
  "Waqar",
  "Naveed",
  "Zubair",
  "Faisal",
  "Kamran",
  "Irfan",
  "Sajjad",
  "Nadeem",
  "Rashid",
  "Javed",
  "Arshad",
  "Amjad",
  "Shafiq",
  "Zahid",
  "Mushtaq",
  "Habib",
  "Qaiser",
  "Farrukh",
  "Adnan",
  "Usman",
  "Bilal",
  "Saqib",
  "Junaid",
  "Nasir",
  "Abid",
  "Zafar",
  "Iftikhar",
  "Azhar",
  "Liaquat",
  "Aurangzeb",
  "Gul Muhammad",
  "Noor Ahmed",
];

const FEMALE = [
  "Shamim Akhtar",
  "Nasreen",
  "Rubina",
  "Farzana",
  "Samina",
  "Kausar Parveen",
  "Shazia",
  "Nighat",
  "Asma",
  "Sadia",
  "Nazia",
  "Uzma",
  "Zahida Parveen",
  "Bushra",
  "Tahira",
  "Fouzia",
];

const SURNAMES = [
  "Khan",
  "Ahmed",
  "Hussain",
  "Malik",
  "Qureshi",
  "Butt",
  "Chaudhry",
  "Sheikh",
  "Abbasi",
  "Awan",
  "Baloch",
  "Khattak",
  "Afridi",
  "Yousafzai",
  "Jatoi",
  "Memon",
  "Siddiqui",
  "Iqbal",
  "Mehmood",
  "Bhatti",
  "Gondal",
  "Cheema",
  "Rajput",
  "Mughal",
  "Kakar",
  "Achakzai",
  "Soomro",
  "Lashari",
  "Niazi",
  "Tareen",
  "Warraich",
  "Janjua",
  "Marwat",
  "Bangash",
];

const SAYYID_SURNAMES = ["Shah", "Bukhari", "Kazmi", "Gillani", "Naqvi", "Zaidi"];

export function personName(rng: Rng): string {
  if (rng.chance(0.22)) {
    const name = rng.pick(FEMALE);
    const prefix = rng.chance(0.35) ? "Mst. " : rng.chance(0.1) ? "Dr. " : "";
    return `${prefix}${name}${rng.chance(0.6) ? ` ${rng.pick(SURNAMES)}` : ""}`;
  }
  if (rng.chance(0.1)) return `Syed ${rng.pick(MALE)} ${rng.pick(SAYYID_SURNAMES)}`;
  const prefix = rng.weighted([
    ["", 12],
    ["Rana ", 1],
    ["Ch. ", 1],
    ["Malik ", 1],
    ["Raja ", 0.6],
    ["Sardar ", 0.5],
    ["Hafiz ", 0.5],
  ] as const);
  const name = rng.pick(MALE);
  return `${prefix}${name}${rng.chance(0.75) ? ` ${rng.pick(SURNAMES)}` : ""}`;
}

export const DEFAULT_POSTS = [
  "Assistant (BS-16)",
  "Upper Division Clerk (BS-11)",
  "Section Officer (BS-17)",
  "Assistant Director (BS-17)",
  "Deputy Director (BS-18)",
  "Superintendent (BS-17)",
];

/** A civil servant suing in a service matter: name with post and pay scale, as petitions describe them. */
export function employeeName(rng: Rng, posts: readonly string[] = DEFAULT_POSTS): string {
  return `${personName(rng)}, ${rng.pick(posts)}`;
}

const FIRM_FIRST = [
  "Al-Noor",
  "Zamzam",
  "Shaheen",
  "Mehran",
  "Bolan",
  "Hunza",
  "Margalla",
  "Chenab",
  "Indus Valley",
  "Al-Madina",
  "Karakoram",
  "Sarhad",
  "Pak-Gulf",
  "Madni",
  "Tarbela",
  "Kohinoor Star",
];
const FIRM_LAST = [
  "Textiles",
  "Cotton Mills",
  "Ghee Industries",
  "Steel Re-Rolling Mills",
  "Traders",
  "Enterprises",
  "Cement",
  "Sugar Mills",
  "Pharmaceuticals",
  "Builders and Developers",
  "Engineering Works",
  "Rice Mills",
  "Logistics",
  "Power",
  "Construction Company",
  "Petroleum",
];

export function firmName(rng: Rng, trades: readonly string[] = FIRM_LAST): string {
  const form = rng.weighted([
    ["", 3],
    [" (Pvt.) Ltd.", 4],
    [" Ltd.", 2],
  ] as const);
  return `M/s ${rng.pick(FIRM_FIRST)} ${rng.pick(trades)}${form}`;
}

/** "and another", "and 3 others": how a title counts the parties it does not name. */
export function andOthers(total: number): string {
  if (total <= 1) return "";
  if (total === 2) return " and another";
  return ` and ${total - 1} others`;
}
