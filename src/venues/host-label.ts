/**
 * @module How a host is named to people: "Budi Santoso (Kepala DPMPTSP)", or the name alone when the title
 * says nothing more (a host entered as an office, "Sekretaris Daerah", with the same title).
 */
const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");

export function hostLabel(host: { name: string; title?: string | null }): string {
  const title = host.title?.trim();
  if (!title) return host.name;
  const name = norm(host.name);
  return name === norm(title) || name.includes(norm(title)) ? host.name : `${host.name} (${title})`;
}
