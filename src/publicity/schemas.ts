/**
 * @module What humas write for the public page of a visit: a title, a public summary, an optional photo
 * (https link with its description) and up to ten media links. Only these and the visit's dates, origin
 * region and leader's office are ever public.
 */
import { z } from "zod";
import { msg } from "../http/validate";

const httpsUrl = z
  .url({ protocol: /^https?$/, error: "i18n:publication.urlInvalid" })
  .max(2000, msg("publication.urlInvalid"));

export const publicationInputSchema = z.strictObject({
  title: z.string().trim().min(3, msg("publication.titleRequired")).max(200, msg("publication.tooLong")),
  summary: z
    .string()
    .trim()
    .min(10, msg("publication.summaryRequired"))
    .max(4000, msg("publication.tooLong")),
  photoUrl: httpsUrl.nullable().default(null),
  photoAlt: z.string().trim().max(300, msg("publication.tooLong")).nullable().default(null),
  links: z
    .array(
      z.strictObject({
        label: z
          .string()
          .trim()
          .min(1, msg("publication.linkLabelRequired"))
          .max(200, msg("publication.tooLong")),
        url: httpsUrl,
      }),
    )
    .max(10)
    .default([]),
});
export type PublicationInput = z.output<typeof publicationInputSchema>;
