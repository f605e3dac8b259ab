// Country calling codes and the ISO 3166 alpha-2 country each stands for, for the statistics'
// "country" dimension. A number's code is the longest code it starts with. Codes that several
// countries share (1: the US, Canada and much of the Caribbean; 7: Russia and Kazakhstan) name
// the largest. The migration `statistics_rollups` loads the same table into "CallingCode";
// tests/integration/stats-sql.test.ts keeps the two equal. Pure: the dashboard imports it.

export const callingCodes: Record<string, string> = {
  "1": "US",
  "7": "RU",
  "20": "EG",
  "27": "ZA",
  "30": "GR",
  "31": "NL",
  "32": "BE",
  "33": "FR",
  "34": "ES",
  "36": "HU",
  "39": "IT",
  "40": "RO",
  "41": "CH",
  "43": "AT",
  "44": "GB",
  "45": "DK",
  "46": "SE",
  "47": "NO",
  "48": "PL",
  "49": "DE",
  "51": "PE",
  "52": "MX",
  "53": "CU",
  "54": "AR",
  "55": "BR",
  "56": "CL",
  "57": "CO",
  "58": "VE",
  "60": "MY",
  "61": "AU",
  "62": "ID",
  "63": "PH",
  "64": "NZ",
  "65": "SG",
  "66": "TH",
  "81": "JP",
  "82": "KR",
  "84": "VN",
  "86": "CN",
  "90": "TR",
  "91": "IN",
  "92": "PK",
  "93": "AF",
  "94": "LK",
  "95": "MM",
  "98": "IR",
  "211": "SS",
  "212": "MA",
  "213": "DZ",
  "216": "TN",
  "218": "LY",
  "221": "SN",
  "225": "CI",
  "233": "GH",
  "234": "NG",
  "237": "CM",
  "251": "ET",
  "254": "KE",
  "255": "TZ",
  "256": "UG",
  "260": "ZM",
  "263": "ZW",
  "351": "PT",
  "352": "LU",
  "353": "IE",
  "358": "FI",
  "359": "BG",
  "380": "UA",
  "420": "CZ",
  "421": "SK",
  "852": "HK",
  "880": "BD",
  "886": "TW",
  "960": "MV",
  "961": "LB",
  "962": "JO",
  "964": "IQ",
  "965": "KW",
  "966": "SA",
  "968": "OM",
  "971": "AE",
  "972": "IL",
  "973": "BH",
  "974": "QA",
  "977": "NP",
};

/** The calling code a WhatsApp number (digits, no "+") starts with, or null when none is known. */
export function callingCodeOf(waId: string): string | null {
  for (let length = 4; length >= 1; length--) {
    const prefix = waId.slice(0, length);
    if (prefix.length === length && callingCodes[prefix]) return prefix;
  }
  return null;
}

/** The calling codes of an ISO country ("US" → ["1"]). */
export function codesOfCountry(country: string): string[] {
  const wanted = country.toUpperCase();
  return Object.entries(callingCodes)
    .filter(([, iso]) => iso === wanted)
    .map(([code]) => code);
}

export function countryOfCode(code: string): string | null {
  return callingCodes[code] ?? null;
}
