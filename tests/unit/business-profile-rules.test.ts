import { describe, expect, it } from "vitest";
import { diffProfiles, emptyProfile, fieldProblems, profileChangeSchema } from "@/lib/business-profile/profile-schema";
import { imageInfo, photoProblem } from "@/lib/business-profile/photo-rules";
import { displayNameProblem } from "@/lib/number-health/display-name-rules";
import { pngOfSize } from "../support/png";

describe("profileChangeSchema", () => {
  it.each([
    [{ about: "a".repeat(139) }, null],
    [{ about: "a".repeat(140) }, "about"],
    [{ about: "   " }, "about"],
    [{ description: "d".repeat(512) }, null],
    [{ description: "d".repeat(513) }, "description"],
    [{ address: "s".repeat(257) }, "address"],
    [{ email: "" }, null],
    [{ email: "hello@northwind" }, "email"],
    [{ websites: [] }, null],
    [{ websites: ["ftp://northwind.example"] }, "websites"],
    [{ websites: ["https://a.example", "https://b.example", "https://c.example"] }, "websites"],
    [{ vertical: "RETAIL" }, null],
    [{ vertical: "" }, "vertical"],
    [{ colour: "green" }, "profile"],
  ])("%j → %s", (change, field) => {
    const parsed = profileChangeSchema.safeParse(change);
    if (field === null) expect(parsed.success).toBe(true);
    else expect(Object.keys(fieldProblems(parsed.error!))).toEqual([field]);
  });
});

describe("diffProfiles", () => {
  it("names the fields that changed, and treats a photo address with a new signature as the same photo", () => {
    const before = { ...emptyProfile, about: "Old", photoUrl: "https://pps.example/v/photo_1.jpg?oh=1&oe=2" };
    const after = { ...before, about: "New", photoUrl: "https://pps.example/v/photo_1.jpg?oh=3&oe=4" };
    expect(diffProfiles(before, after)).toEqual({ about: { before: "Old", after: "New" } });
    expect(Object.keys(diffProfiles(before, { ...after, photoUrl: "https://pps.example/v/photo_2.jpg" }))).toEqual(["about", "photoUrl"]);
  });
});

describe("photo rules", () => {
  it("reads a PNG's size and applies Meta's limits", () => {
    expect(imageInfo(pngOfSize(300, 200))).toEqual({ type: "image/png", width: 300, height: 200 });
    expect(imageInfo(new TextEncoder().encode("GIF89a……"))).toBeNull();
    expect(photoProblem({ type: "image/png", size: 1000, width: 192, height: 192 })).toBeNull();
    expect(photoProblem({ type: "image/png", size: 1000, width: 191, height: 400 })).toEqual({
      key: "profile.photoTooSmall",
      values: { min: 192, width: 191, height: 400 },
    });
    expect(photoProblem({ type: "image/gif", size: 1000, width: 500, height: 500 })?.key).toBe("profile.photoType");
    expect(photoProblem({ type: "image/jpeg", size: 5 * 1024 * 1024 + 1, width: 500, height: 500 })?.key).toBe("profile.photoTooBig");
  });
});

describe("display name rules", () => {
  it.each([
    ["Northwind Furniture", null],
    ["Lil' Cupcakes by KT", null],
    ["IBM Support", null],
    ["KT", "tooShort"],
    ["NORTHWIND FURNITURE", "capitals"],
    ["Northwind  Furniture", "spacing"],
    ["Northwind Furniture!!", "punctuation"],
    ["Northwind 🛋️", "emoji"],
    ["Northwind™", "symbols"],
    ["northwind.com", "url"],
  ])("%s → %s", (name, problem) => {
    expect(displayNameProblem(name)).toBe(problem);
  });
});
