/** The seeded PRNG and the name pools bench/assignment-data.ts draws from (same seed, same office). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST = [
  "Muhammad",
  "Ahmed",
  "Ali",
  "Hassan",
  "Bilal",
  "Usman",
  "Imran",
  "Kamran",
  "Farhan",
  "Zahid",
  "Ayesha",
  "Fatima",
  "Sana",
  "Nadia",
  "Rabia",
  "Saima",
  "Tariq",
  "Asif",
  "Naveed",
  "Shahid",
  "Khalid",
  "Adnan",
  "Sajid",
  "Waqas",
  "Hina",
];
export const LAST = [
  "Khan",
  "Ahmed",
  "Malik",
  "Qureshi",
  "Butt",
  "Chaudhry",
  "Siddiqui",
  "Sheikh",
  "Raza",
  "Abbasi",
  "Hussain",
  "Shah",
  "Bhatti",
  "Mirza",
  "Javed",
  "Iqbal",
  "Aslam",
  "Baig",
  "Rana",
  "Gillani",
];
