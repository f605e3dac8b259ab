// The themes /account offers, as plain data the browser can import without the validation code;
// their names are messages (account.themes.*).

/** The interface's colours: the device's preference (light or dark), or one of them always. */
export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];
